using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

public sealed class BadInputTests
{
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private const string Ns = "shop";

    public static TheoryData<string, string, string?, string, string> Cases => new()
    {
        // start, end, timeZone, expected reason, expected field
        { "2026-11-30T12:00:10Z", "2026-11-30T12:10:00Z", "Mars/Olympus", "UnknownTimeZone", "spec.timeZone" },
        { "2026-11-30T12:10:00Z", "2026-11-30T12:00:00Z", null, "EndNotAfterStart", "spec.end" },
        { "2027-03-28T02:30:00", "2027-03-28T05:00:00", "Europe/Paris", "LocalTimeInDstGap", "spec.start" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_spec_the_schema_cannot_check_becomes_a_condition_and_a_warning_event(string start, string end, string? zone, string reason, string field)
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 1, 10, 1);
        var bad = Resources.Event(Ns, "bad", "web", T0, T0.AddHours(1), 5);
        bad.Spec.Start = start;
        bad.Spec.End = end;
        bad.Spec.TimeZone = zone;
        h.Cluster.AddEvent(bad);
        h.Cluster.Approve(Ns, "bad", "alice");

        await h.PassAtAsync(T0.AddSeconds(20));

        var status = h.Cluster.Event(Ns, "bad").Status!;
        Assert.Equal(ScalingEventPhases.Rejected, status.Phase);
        var valid = Assert.Single(status.Conditions!, c => c.Type == "Valid");
        Assert.Equal("False", valid.Status);
        Assert.Equal(reason, valid.Reason);
        Assert.StartsWith(field + ":", valid.Message, StringComparison.Ordinal);
        Assert.Contains(h.Cluster.Events, e => e.Warning && e.Reason == reason && e.Target.Name == "bad");
        Assert.Empty(h.Cluster.Applies);
    }

    [Fact]
    public async Task An_unknown_hpa_is_rejected_while_a_valid_event_next_to_it_still_acts()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 1, 10, 1);
        h.Cluster.AddEvent(Resources.Event(Ns, "typo", "wbe", T0.AddSeconds(10), T0.AddMinutes(10), 5));
        h.Cluster.AddEvent(Resources.Event(Ns, "good", "web", T0.AddSeconds(10), T0.AddMinutes(10), 4));
        h.Cluster.Approve(Ns, "typo", "alice");
        h.Cluster.Approve(Ns, "good", "alice");

        await h.PassAtAsync(T0.AddSeconds(20));

        var typo = h.Cluster.Event(Ns, "typo").Status!;
        Assert.Equal(ScalingEventPhases.Rejected, typo.Phase);
        Assert.Contains(typo.Conditions!, c => c.Type == "Valid" && c.Reason == "UnknownHpa" && c.Message!.Contains("'wbe'", StringComparison.Ordinal));
        Assert.Equal(4, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal(ScalingEventPhases.Active, h.Cluster.Event(Ns, "good").Status!.Phase);
    }

    [Fact]
    public async Task The_warning_event_is_recorded_once_not_every_pass()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddEvent(Resources.Event(Ns, "typo", "nothing", T0.AddSeconds(10), T0.AddMinutes(10), 5));
        await h.PassAtAsync(T0);
        await h.PassAtAsync(T0.AddSeconds(30));
        await h.PassAtAsync(T0.AddSeconds(60));
        Assert.Single(h.Cluster.Events, e => e.Reason == "UnknownHpa");
        Assert.Single(h.Cluster.StatusPatches);
    }

    [Fact]
    public async Task Overlapping_events_hold_the_larger_floor_and_release_to_the_remaining_one()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 1, 10, 1);
        h.Cluster.AddEvent(Resources.Event(Ns, "long", "web", T0.AddSeconds(10), T0.AddMinutes(20), 3));
        h.Cluster.AddEvent(Resources.Event(Ns, "peak", "web", T0.AddSeconds(10), T0.AddMinutes(5), 7));
        h.Cluster.Approve(Ns, "long", "alice");
        h.Cluster.Approve(Ns, "peak", "alice");

        await h.PassAtAsync(T0.AddSeconds(20));
        Assert.Equal(7, h.Cluster.Hpa(Ns, "web").MinReplicas);
        await h.PassAtAsync(T0.AddMinutes(6));
        Assert.Equal(3, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal("1", h.Cluster.Hpa(Ns, "web").Annotations[AutoscalerApi.OriginalMinReplicasAnnotation]);
        await h.PassAtAsync(T0.AddMinutes(21));
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas);
    }
}
