using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

public sealed class PolicyModeTests
{
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private const string Ns = "shop";

    [Theory]
    [InlineData(PolicyModes.Observe, PolicyModes.Observe)]
    [InlineData(PolicyModes.Recommend, PolicyModes.Recommend)]
    [InlineData(PolicyModes.Auto, PolicyModes.Recommend)] // untrusted: no accuracy yet
    public async Task A_policy_that_does_not_act_changes_nothing_and_says_why(string mode, string effective)
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 2, 10, 2);
        h.Cluster.AddPolicy(Resources.Policy(Ns, "web-policy", "web", mode));

        await h.PassAtAsync(T0);

        Assert.Empty(h.Cluster.Applies);
        var status = h.Cluster.Policy(Ns, "web-policy").Status!;
        Assert.Equal(effective, status.EffectiveMode);
        Assert.Contains(status.Conditions!, c => c.Type == "Acting" && c.Status == "False");
        Assert.Contains(status.Conditions!, c => c.Type == "Valid" && c.Status == "True");
        Assert.Equal(2, status.OriginalMinReplicas);
    }

    [Theory]
    [InlineData(PolicyModes.Observe, "mode observe: floors are planned and recorded in status.decisions only, neither recommended nor applied")]
    [InlineData(PolicyModes.Recommend, "mode recommend: the floor is recommended (status.recommendedFloor, a FloorRecommended Event) and applied only after approval of this generation")]
    public async Task The_Acting_condition_says_what_the_mode_does(string mode, string message)
    {
        // Regression: observe said "floors are recommended, not applied", which is recommend's behaviour.
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 2, 10, 2);
        h.Cluster.AddPolicy(Resources.Policy(Ns, "web-policy", "web", mode));

        await h.PassAtAsync(T0);

        var acting = Assert.Single(h.Cluster.Policy(Ns, "web-policy").Status!.Conditions!, c => c.Type == "Acting");
        Assert.Equal(message, acting.Message);
    }

    [Fact]
    public async Task An_approved_event_acts_even_while_the_policy_only_recommends()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 2, 10, 2);
        h.Cluster.AddPolicy(Resources.Policy(Ns, "web-policy", "web", PolicyModes.Recommend));
        h.Cluster.AddEvent(Resources.Event(Ns, "sale", "web", T0.AddSeconds(10), T0.AddMinutes(10), 6));
        h.Cluster.Approve(Ns, "sale", "alice");

        await h.PassAtAsync(T0.AddSeconds(20));

        Assert.Equal(6, h.Cluster.Hpa(Ns, "web").MinReplicas);
        var status = h.Cluster.Policy(Ns, "web-policy").Status!;
        Assert.Equal(PolicyModes.Recommend, status.EffectiveMode);
        Assert.Equal(6, status.RecommendedFloor);
        Assert.Contains(h.Cluster.Events, e => e.Reason == "FloorRecommended");
    }

    [Fact]
    public async Task A_policy_on_a_missing_hpa_and_a_second_policy_on_one_hpa_are_invalid()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 2, 10, 2);
        h.Cluster.AddPolicy(Resources.Policy(Ns, "lost", "nope", PolicyModes.Auto));
        h.Cluster.AddPolicy(Resources.Policy(Ns, "first", "web", PolicyModes.Observe));
        var second = Resources.Policy(Ns, "second", "web", PolicyModes.Observe);
        second.Metadata.CreationTimestamp = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        h.Cluster.AddPolicy(second);

        await h.PassAtAsync(T0);

        Assert.Contains(h.Cluster.Policy(Ns, "lost").Status!.Conditions!, c => c.Type == "Valid" && c.Reason == "UnknownHpa");
        Assert.Contains(h.Cluster.Policy(Ns, "second").Status!.Conditions!, c => c.Type == "Valid" && c.Reason == "DuplicatePolicy");
        Assert.Contains(h.Cluster.Policy(Ns, "first").Status!.Conditions!, c => c.Type == "Valid" && c.Status == "True");
    }
}
