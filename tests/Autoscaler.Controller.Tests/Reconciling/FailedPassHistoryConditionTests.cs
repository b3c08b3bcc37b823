using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Core.Planning;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

/// <summary>
/// A target whose pass failed outside the history (a write to the cluster) says nothing new about the history: the stored
/// HistoryAvailable condition stays, and without one it is Unknown, never "QueryFailed" (it was not a query) or
/// "returned no data" (nothing was read).
/// </summary>
public sealed class FailedPassHistoryConditionTests
{
    [Fact]
    public void A_failed_pass_keeps_the_stored_history_condition_or_says_it_is_unknown()
    {
        var cluster = new InMemoryCluster();
        var hpa = cluster.AddHpa("shop", "web", 2, 10, 2);
        var policy = Resources.Policy("shop", "web-policy", "web", PolicyModes.Observe);
        var resolved = PolicyResolver.Resolve(policy, [hpa]);
        var outcome = new TargetOutcome { Hpa = hpa, LeadTime = LeadTime.Explicit(TimeSpan.FromMinutes(1)), LeadTimeSource = "Spec", Failure = "apiserver said 500" };

        var fresh = PolicyStatuses.Build(resolved, outcome, ReconcilerHarness.T0, 20).Conditions!.Single(c => c.Type == "HistoryAvailable");
        Assert.Equal(("Unknown", "NotRead"), (fresh.Status, fresh.Reason));
        Assert.Contains("apiserver said 500", fresh.Message, StringComparison.Ordinal);

        var fitted = new ResourceCondition { Type = "HistoryAvailable", Status = "True", Reason = "Fitted", Message = "persistence from 2026-11-30T11:59Z" };
        policy.Status = new PredictivePolicyStatus { Conditions = [fitted] };
        var kept = PolicyStatuses.Build(PolicyResolver.Resolve(policy, [hpa]), outcome, ReconcilerHarness.T0, 20).Conditions!.Single(c => c.Type == "HistoryAvailable");
        Assert.Same(fitted, kept);
    }
}
