using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

/// <summary>
/// A ScalingEvent's conditions never contradict its phase (a new user's trial: a Rejected event still said
/// "Approved=False / AwaitingApproval: awaiting approval by a user allowed to 'approve'…"). Only a Proposed event invites
/// approval; a Rejected one says it is rejected, why and what to fix; a Cancelled one that it will not act; a Completed one
/// that it holds no floor any more.
/// </summary>
public sealed class EventPhaseConditionsTests
{
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private const string Ns = "shop";

    [Fact]
    public async Task Every_phase_has_conditions_that_agree_with_it()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 1, 10, 1);
        h.Cluster.AddEvent(Resources.Event(Ns, "proposed", "web", T0.AddHours(1), T0.AddHours(2), 5));
        h.Cluster.AddEvent(Resources.Event(Ns, "typo", "wbe", T0.AddHours(1), T0.AddHours(2), 5));
        h.Cluster.AddEvent(Resources.Event(Ns, "typo-approved", "wbe", T0.AddHours(1), T0.AddHours(2), 5));
        h.Cluster.Approve(Ns, "typo-approved", "alice");
        var cancelled = Resources.Event(Ns, "cancelled", "web", T0.AddHours(1), T0.AddHours(2), 5);
        cancelled.Spec.Cancelled = true;
        h.Cluster.AddEvent(cancelled);
        var cancelledApproved = Resources.Event(Ns, "cancelled-approved", "web", T0.AddHours(1), T0.AddHours(2), 5);
        cancelledApproved.Spec.Cancelled = true;
        h.Cluster.AddEvent(cancelledApproved);
        h.Cluster.Approve(Ns, "cancelled-approved", "alice");
        h.Cluster.AddEvent(Resources.Event(Ns, "past", "web", T0.AddHours(-3), T0.AddHours(-2), 5));
        h.Cluster.Approve(Ns, "past", "alice");

        await h.PassAtAsync(T0);

        ResourceCondition Condition(string name, string type) => Assert.Single(h.Cluster.Event(Ns, name).Status!.Conditions!, c => c.Type == type);
        Assert.Equal(ScalingEventPhases.Proposed, h.Cluster.Event(Ns, "proposed").Status!.Phase);
        Assert.Equal("AwaitingApproval", Condition("proposed", "Approved").Reason);

        Assert.Equal(ScalingEventPhases.Rejected, h.Cluster.Event(Ns, "typo").Status!.Phase);
        var rejected = Condition("typo", "Approved");
        Assert.Equal(("False", "Rejected"), (rejected.Status, rejected.Reason));
        Assert.Contains("'wbe'", rejected.Message, StringComparison.Ordinal); // why, and so what to fix
        Assert.Contains("fix", rejected.Message, StringComparison.Ordinal);

        var rejectedApproved = Condition("typo-approved", "Approved");
        Assert.Equal(("True", "Approved"), (rejectedApproved.Status, rejectedApproved.Reason));
        Assert.Contains("rejected, so it does not act", rejectedApproved.Message, StringComparison.Ordinal);

        Assert.Equal(ScalingEventPhases.Cancelled, h.Cluster.Event(Ns, "cancelled").Status!.Phase);
        Assert.Equal(("False", "Cancelled"), (Condition("cancelled", "Approved").Status, Condition("cancelled", "Approved").Reason));
        Assert.Contains("cancelled", Condition("cancelled-approved", "Approved").Message, StringComparison.Ordinal);

        Assert.Equal(ScalingEventPhases.Completed, h.Cluster.Event(Ns, "past").Status!.Phase);
        var ended = Condition("past", "FloorApplied");
        Assert.Equal(("False", "WindowEnded"), (ended.Status, ended.Reason));

        foreach (var name in new[] { "typo", "typo-approved", "cancelled", "cancelled-approved", "past" })
        {
            Assert.All(h.Cluster.Event(Ns, name).Status!.Conditions!, c => Assert.DoesNotContain("awaiting approval", c.Message, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(h.Cluster.Event(Ns, name).Status!.Conditions!, c => c.Reason == "AwaitingApproval");
        }
    }
}
