using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

/// <summary>Actuation externalMetric: the HPA object is never written; the floor lives in the policy's status.activeFloor.</summary>
public sealed class ExternalMetricActuationTests
{
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private const string Ns = "shop";

    private static V1Alpha1PredictivePolicy Policy(string mode)
    {
        var p = Resources.Policy(Ns, "web-policy", "web", mode);
        p.Spec.Actuation = ActuationKinds.ExternalMetric;
        return p;
    }

    [Theory]
    [InlineData(PolicyModes.Recommend)]
    [InlineData(PolicyModes.Observe)]
    public async Task An_approved_event_publishes_its_floor_in_active_floor_and_clears_it_after_the_end(string mode)
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 2, 10, 2);
        h.Cluster.AddPolicy(Policy(mode));
        h.Cluster.AddEvent(Resources.Event(Ns, "sale", "web", T0.AddSeconds(60), T0.AddMinutes(5), 6, leadTime: "30s"));
        h.Cluster.Approve(Ns, "sale", "alice");

        await h.PassAtAsync(T0);
        Assert.Null(h.Cluster.Policy(Ns, "web-policy").Status!.ActiveFloor);

        await h.PassAtAsync(T0.AddSeconds(40));
        Assert.Equal(6, h.Cluster.Policy(Ns, "web-policy").Status!.ActiveFloor);

        await h.PassAtAsync(T0.AddMinutes(6));
        Assert.Null(h.Cluster.Policy(Ns, "web-policy").Status!.ActiveFloor);
        Assert.Empty(h.Cluster.Applies);
        Assert.Equal(2, h.Cluster.Hpa(Ns, "web").MinReplicas);
    }

    [Fact]
    public async Task With_min_replicas_actuation_a_recommending_policy_shows_no_active_floor_while_the_event_raises_min_replicas()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 2, 10, 2);
        h.Cluster.AddPolicy(Resources.Policy(Ns, "web-policy", "web", PolicyModes.Recommend));
        h.Cluster.AddEvent(Resources.Event(Ns, "sale", "web", T0.AddSeconds(10), T0.AddMinutes(5), 6));
        h.Cluster.Approve(Ns, "sale", "alice");

        await h.PassAtAsync(T0.AddSeconds(20));

        Assert.Equal(6, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Null(h.Cluster.Policy(Ns, "web-policy").Status!.ActiveFloor);
    }
}
