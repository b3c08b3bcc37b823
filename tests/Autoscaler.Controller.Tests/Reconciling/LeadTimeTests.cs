using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Controller.Watching;
using k8s.Models;

namespace Autoscaler.Controller.Tests.Reconciling;

public sealed class LeadTimeTests
{
    private static V1Pod Pod(string name, DateTime created, DateTime? ready) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", CreationTimestamp = created },
        Status = new V1PodStatus
        {
            Conditions = ready is { } r ? [new V1PodCondition { Type = "Ready", Status = "True", LastTransitionTime = r }] : [],
        },
    };

    [Fact]
    public void Pod_startup_is_creation_to_ready_of_the_workloads_own_pods()
    {
        var t = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        var measured = PodStartup.Measure(
        [
            Pod("web-7d9f-abc", t, t.AddSeconds(20)),
            Pod("web-7d9f-def", t.AddMinutes(1), t.AddMinutes(1).AddSeconds(40)),
            Pod("web-7d9f-pending", t, null),
            Pod("webhook-1-xyz", t, t.AddSeconds(90)),
        ], "web");
        Assert.Equal([TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(20)], measured);
    }

    [Fact]
    public void Auto_is_the_p90_of_measured_pods_plus_hpa_sync_plus_metric_delay_or_the_default_below_three_pods()
    {
        var cluster = new InMemoryCluster();
        var hpa = cluster.AddHpa("shop", "web", 1, 10, 1);
        var options = new ControllerOptions { HpaSyncPeriod = TimeSpan.FromSeconds(15), MetricDelay = TimeSpan.FromSeconds(30), DefaultPodStartup = TimeSpan.FromSeconds(60) };

        var (fallback, source) = LeadTimes.For(hpa, [], cluster, options);
        Assert.Equal(TimeSpan.FromSeconds(105), fallback.Value);
        Assert.Equal("Default", source);

        cluster.Startups = [.. Enumerable.Range(1, 10).Select(i => TimeSpan.FromSeconds(i * 10))];
        var (measured, measuredSource) = LeadTimes.For(hpa, [], cluster, options);
        Assert.Equal(TimeSpan.FromSeconds(90 + 15 + 30), measured.Value);
        Assert.Equal("MeasuredPods", measuredSource);
    }
}
