using Autoscaler.Core.Forecasting;
using FsCheck.Xunit;

namespace Autoscaler.Core.Tests.Forecasting;

/// <summary>Core's one history grid (issue #11 follow-up: the controller and the simulator read history on it).</summary>
public sealed class HistoryGridTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_grid_starts_on_the_steps_epoch_aligned_instant_whatever_second_the_read_starts()
    {
        var step = TimeSpan.FromMinutes(1);
        var aligned = HistoryGrid.Covering(Noon - TimeSpan.FromDays(1), Noon, step, TimeSpan.Zero);
        var late = HistoryGrid.Covering(Noon.AddSeconds(15) - TimeSpan.FromDays(1), Noon.AddSeconds(15), step, TimeSpan.Zero);

        Assert.Equal(Noon - TimeSpan.FromDays(1), aligned.Start);
        Assert.Equal(Noon - TimeSpan.FromDays(1) + step, late.Start); // the next whole minute, not 11:00:15
        Assert.Equal(24 * 60, aligned.Count); // 12:00 yesterday .. 11:59 today: 11:59's minute has ended at 12:00
        Assert.Equal(Noon - step, aligned.Last);
        Assert.Equal(Noon - step, late.Last); // 12:00's minute has not ended at 12:00:15
    }

    [Fact]
    public void A_delay_holds_back_the_points_not_known_yet()
    {
        var grid = HistoryGrid.Covering(Noon - TimeSpan.FromHours(1), Noon, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(90));

        Assert.Equal(Noon - TimeSpan.FromMinutes(3), grid.Last); // 11:57's minute ended 11:58, known 11:59:30; 11:58's only at 12:00:30
        Assert.Equal(0, HistoryGrid.Covering(Noon, Noon.AddSeconds(59), TimeSpan.FromMinutes(1), TimeSpan.Zero).Count);
    }

    [Fact]
    public void Index_and_values_round_trip_and_bad_arguments_are_refused()
    {
        var grid = HistoryGrid.Covering(Noon, Noon.AddMinutes(10), TimeSpan.FromMinutes(1), TimeSpan.Zero);

        Assert.Equal(3, grid.IndexOf(Noon.AddMinutes(3).AddSeconds(1)));
        Assert.Equal(-1, grid.IndexOf(Noon.AddMinutes(10)));
        Assert.Equal(-1, grid.IndexOf(Noon.AddMinutes(-1)));
        Assert.Equal(Noon.AddMinutes(2), grid.With(new double[grid.Count]).TimeAt(2));
        Assert.Throws<ArgumentException>(() => grid.With(new double[grid.Count + 1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryGrid.Covering(Noon, Noon.AddHours(1), TimeSpan.Zero, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryGrid.Covering(Noon, Noon.AddHours(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(-1)));
    }

    /// <summary>Every point is aligned, inside [from, to), known by to; the next point is not known yet.</summary>
    [Property(MaxTest = 500)]
    public bool Points_are_aligned_inside_the_range_and_known_and_the_next_one_is_not(int fromSeconds, ushort spanMinutes, byte stepSeconds, ushort delaySeconds)
    {
        var step = TimeSpan.FromSeconds(1 + (stepSeconds % 300));
        var delay = TimeSpan.FromSeconds(delaySeconds % 600);
        var from = Noon.AddSeconds(fromSeconds % 1_000_000);
        var to = from + TimeSpan.FromMinutes(spanMinutes % 3000);
        var grid = HistoryGrid.Covering(from, to, step, delay);
        var aligned = (grid.Start - DateTimeOffset.UnixEpoch).Ticks % step.Ticks == 0;
        var inside = grid.Start >= from && grid.Start - step < from;
        var known = grid.Count == 0 || (grid.Last + step + delay <= to && grid.Last < to);
        var nextUnknown = grid.TimeAt(grid.Count) + step + delay > to;
        return aligned && inside && known && nextUnknown;
    }
}
