using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

/// <summary>
/// A policy that does not run reports nothing stale or made up (a new user's trial: a DuplicatePolicy still showed its
/// mode's Acting message and "HistoryAvailable=False NoHistory: … returned no data", though its history was never read).
/// Its conditions say it is not acting and why (naming the policy that runs), and that the history was not read.
/// </summary>
public sealed class DuplicatePolicyStatusTests
{
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private const string Ns = "shop";

    [Theory]
    [InlineData(PolicyModes.Auto)]
    [InlineData(PolicyModes.Recommend)]
    [InlineData(PolicyModes.Observe)]
    public async Task A_duplicate_says_it_does_not_act_because_of_the_older_policy_and_claims_no_history_state(string mode)
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 2, 10, 2);
        h.Cluster.AddPolicy(Resources.Policy(Ns, "first", "web", PolicyModes.Observe));
        var second = Resources.Policy(Ns, "second", "web", mode);
        second.Metadata.CreationTimestamp = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);
        second.Spec.TrustGate = new TrustGateSpec { Enabled = false };
        // What it showed when it ran on its own before the older one appeared: none of it may survive as current.
        second.Status = new PredictivePolicyStatus
        {
            EffectiveMode = mode,
            RecommendedFloor = 7,
            Accuracy = new AccuracySummary { Window = "7d", PolicyMape = 0.1, Trusted = true },
            Forecast = new ForecastSummary { Model = "seasonal-naive" },
        };
        h.Cluster.AddPolicy(second);

        await h.PassAtAsync(T0);

        var status = h.Cluster.Policy(Ns, "second").Status!;
        var acting = Assert.Single(status.Conditions!, c => c.Type == "Acting");
        Assert.Equal(("False", "DuplicatePolicy"), (acting.Status, acting.Reason));
        Assert.Contains("PredictivePolicy 'first'", acting.Message, StringComparison.Ordinal);
        Assert.Contains("not acting", acting.Message, StringComparison.Ordinal);
        var history = Assert.Single(status.Conditions!, c => c.Type == "HistoryAvailable");
        Assert.Equal(("Unknown", "NotRead"), (history.Status, history.Reason));
        Assert.DoesNotContain("no data", history.Message, StringComparison.Ordinal);
        Assert.Contains(status.Conditions!, c => c.Type == "Valid" && c.Reason == "DuplicatePolicy" && c.Message!.Contains("'first'", StringComparison.Ordinal));
        Assert.Null(status.EffectiveMode);
        Assert.Null(status.RecommendedFloor);
        Assert.Null(status.ActiveFloor);
        Assert.Null(status.Accuracy);
        Assert.Null(status.Forecast);
        Assert.Equal("True", Assert.Single(h.Cluster.Policy(Ns, "first").Status!.Conditions!, c => c.Type == "Valid").Status);
    }
}
