using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

public sealed class RecurringEventTests
{
    private const string Ns = "shop";

    [Fact]
    public async Task A_daily_local_window_repeats_at_the_same_wall_clock_time_across_dst_until_until()
    {
        // 19:00-20:00 Paris every day from Saturday 2026-10-24; clocks go back on Sunday 2026-10-25 (UTC+2 -> UTC+1).
        var h = new ReconcilerHarness(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 10, 24, 0, 0, 0, TimeSpan.Zero)));
        h.Cluster.AddHpa(Ns, "web", 1, 10, 1);
        var e = Resources.Event(Ns, "evening", "web", default, default, 4, "60s");
        e.Spec.Start = "2026-10-24T19:00:00";
        e.Spec.End = "2026-10-24T20:00:00";
        e.Spec.TimeZone = "Europe/Paris";
        e.Spec.Recurrence = new EventRecurrence { Schedule = "0 19 * * *", Until = "2026-10-26T23:00:00" };
        h.Cluster.AddEvent(e);
        h.Cluster.Approve(Ns, "evening", "alice");

        await h.PassAtAsync(new DateTimeOffset(2026, 10, 24, 16, 58, 0, TimeSpan.Zero)); // 18:58 CEST: 1 min before start - lead
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas);
        await h.PassAtAsync(new DateTimeOffset(2026, 10, 24, 17, 0, 0, TimeSpan.Zero)); // 19:00 CEST
        Assert.Equal(4, h.Cluster.Hpa(Ns, "web").MinReplicas);
        await h.PassAtAsync(new DateTimeOffset(2026, 10, 24, 18, 1, 0, TimeSpan.Zero)); // 20:01 CEST
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas);
        var status = h.Cluster.Event(Ns, "evening").Status!;
        Assert.Equal(ScalingEventPhases.Scheduled, status.Phase);
        Assert.Equal(new DateTime(2026, 10, 25, 18, 0, 0, DateTimeKind.Utc), status.NextStart!.Value.ToUniversalTime()); // 19:00 CET

        await h.PassAtAsync(new DateTimeOffset(2026, 10, 25, 18, 0, 0, TimeSpan.Zero)); // 19:00 CET, after the change
        Assert.Equal(4, h.Cluster.Hpa(Ns, "web").MinReplicas);

        await h.PassAtAsync(new DateTimeOffset(2026, 10, 27, 18, 30, 0, TimeSpan.Zero)); // after until: no 27th occurrence
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal(ScalingEventPhases.Completed, h.Cluster.Event(Ns, "evening").Status!.Phase);
    }
}
