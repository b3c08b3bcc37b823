using System.Globalization;
using Autoscaler.Core.Control;
using FsCheck.Xunit;

namespace Autoscaler.Core.Tests.Control;

public sealed class RefitScheduleTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Phase_is_stable_and_spreads_keys_across_the_period()
    {
        Assert.Equal(RefitSchedule.PhaseOf("shop/web", Hour), RefitSchedule.PhaseOf("shop/web", Hour));
        var phases = Enumerable.Range(0, 1000).Select(i => RefitSchedule.PhaseOf("team-" + (i % 20) + "/web-" + i, Hour)).ToList();
        Assert.All(phases, p => Assert.InRange(p, TimeSpan.Zero, Hour - TimeSpan.FromSeconds(1)));
        // Every 6-minute tenth of the hour gets roughly its tenth (100 ± 40) of the 1,000 keys.
        var tenths = phases.GroupBy(p => (int)(p / TimeSpan.FromMinutes(6))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, tenths.Count);
        Assert.All(tenths.Values, n => Assert.InRange(n, 60, 140));
    }

    [Property]
    public bool Next_due_is_the_first_slot_strictly_after_the_fit(int minutes, int phaseSeconds, int periodMinutes)
    {
        var period = TimeSpan.FromMinutes(1 + Math.Abs(periodMinutes % 180));
        var phase = TimeSpan.FromSeconds(Math.Abs(phaseSeconds) % (long)period.TotalSeconds);
        var fitted = T0 + TimeSpan.FromMinutes(minutes % 100_000);
        var due = RefitSchedule.NextDue(fitted, period, phase);
        var onSlot = (due - DateTimeOffset.UnixEpoch - phase).Ticks % period.Ticks == 0;
        return onSlot && due > fitted && due - fitted <= period;
    }

    [Fact]
    public void A_late_fit_keeps_its_slot()
    {
        var phase = TimeSpan.FromMinutes(17);
        var slot = RefitSchedule.NextDue(T0, Hour, phase);
        Assert.Equal(T0 + TimeSpan.FromMinutes(17), slot);
        // Fitted 4 minutes late: the next refit is still on the :17 slot, 56 minutes later.
        Assert.Equal(slot + Hour, RefitSchedule.NextDue(slot + TimeSpan.FromMinutes(4), Hour, phase));
    }

    [Fact]
    public void Share_is_the_pass_period_over_the_refit_periods_rounded_up()
    {
        Assert.Equal(9, RefitSchedule.Share(Enumerable.Repeat(Hour, 1000), TimeSpan.FromSeconds(30)));
        Assert.Equal(1, RefitSchedule.Share([Hour], TimeSpan.FromSeconds(30)));
        Assert.Equal(1, RefitSchedule.Share([], TimeSpan.FromSeconds(30)));
        Assert.Equal(120, RefitSchedule.Share(Enumerable.Repeat(Hour, 120), Hour));
        Assert.Throws<ArgumentOutOfRangeException>(() => RefitSchedule.Share([TimeSpan.Zero], TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Grant_takes_the_earliest_due_up_to_the_budget()
    {
        var due = new[]
        {
            new RefitCandidate("c", T0 + TimeSpan.FromMinutes(2)),
            new RefitCandidate("b", T0),
            new RefitCandidate("a", T0 + TimeSpan.FromMinutes(1)),
            new RefitCandidate("a2", T0 + TimeSpan.FromMinutes(1)),
        };
        Assert.Equal(["a", "b"], RefitSchedule.Grant(due, 2).Order(StringComparer.Ordinal));
        Assert.Equal(["a", "a2", "b"], RefitSchedule.Grant(due, 3).Order(StringComparer.Ordinal));
        Assert.Empty(RefitSchedule.Grant(due, 0));
    }

    /// <summary>
    /// 1,000 hourly steps created together on a 30 s pass: the schedule alone (phases + budget + oldest first), over
    /// three hours. No pass refits more than the share (9), every step refits once per hour after its first fit, and no
    /// refit waits longer than the controller's slack (15 minutes) for room.
    /// </summary>
    [Fact]
    public void Thousand_steps_refit_within_the_share_and_the_slack()
    {
        var pass = TimeSpan.FromSeconds(30);
        var keys = Enumerable.Range(0, 1000).Select(i => "team-" + (i % 20).ToString(CultureInfo.InvariantCulture) + "/web-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var fitted = keys.ToDictionary(k => k, _ => T0, StringComparer.Ordinal); // every first fit in the first pass
        var share = RefitSchedule.Share(keys.Select(_ => Hour), pass);
        var refits = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var maxWait = TimeSpan.Zero;
        var maxPerPass = 0;
        for (var now = T0 + pass; now < T0 + TimeSpan.FromHours(3); now += pass)
        {
            var due = keys.Select(k => new RefitCandidate(k, RefitSchedule.NextDue(fitted[k], Hour, RefitSchedule.PhaseOf(k, Hour))))
                .Where(c => c.DueAt <= now).ToList();
            var granted = RefitSchedule.Grant(due, share);
            maxPerPass = Math.Max(maxPerPass, granted.Count);
            foreach (var c in due.Where(c => granted.Contains(c.Key)))
            {
                maxWait = TimeSpan.FromTicks(Math.Max(maxWait.Ticks, (now - c.DueAt).Ticks));
                fitted[c.Key] = now;
                refits[c.Key]++;
            }
        }

        Assert.Equal(9, share);
        Assert.Equal(share, maxPerPass);
        Assert.True(maxWait < TimeSpan.FromMinutes(15), $"longest wait for room {maxWait}");
        Assert.All(refits.Values, n => Assert.InRange(n, 2, 3)); // first slot within the first hour, then hourly
    }
}
