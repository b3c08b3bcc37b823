using System.Net;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.Reconciling;

/// <summary>
/// The trust gate on the controller: an auto policy acts on its forecast only once its rolling accuracy (Core's
/// TrustGate, scored at each refit and shown in status.accuracy) beats persistence and daily seasonal-naive.
/// </summary>
public sealed class TrustGateTests
{
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private const string Ns = "shop";

    /// <summary>A daily wave on a rising trend (yesterday is too low, the last value misses the wave), 5-minute grid.</summary>
    private static string Trending(Uri uri) => QueryRangeAnswers.Matrix(uri, at =>
        1500 + (3 * (at - T0.UtcDateTime).TotalHours) + (400 * Math.Sin(2 * Math.PI * at.TimeOfDay.TotalHours / 24)));

    private static (InMemoryCluster Cluster, ControllerReconciler Reconciler, FakeTimeProvider Time) Setup(string forecaster, string window = "4d")
    {
        var h = ReconcilerHarness.OnPrometheus(r => (HttpStatusCode.OK, Trending(r.RequestUri!)), T0.AddHours(-6)); // 06:00 UTC, the wave rising
        h.Cluster.SetHpa(h.Cluster.AddHpa(Ns, "web", 2, 20, 2) with { AverageValueTarget = 100 });
        var policy = Resources.Policy(Ns, "web-policy", "web", PolicyModes.Auto);
        policy.Spec.Forecaster = forecaster;
        policy.Spec.TrustGate = new TrustGateSpec { Window = window };
        h.Cluster.AddPolicy(policy);
        return (h.Cluster, h.Reconciler, h.Time);
    }

    [Fact]
    public async Task A_forecaster_that_beats_both_baselines_is_trusted_in_status_and_then_acts()
    {
        var (cluster, reconciler, time) = Setup("holt-winters-additive");

        await reconciler.ReconcileAsync(CancellationToken.None);

        var first = cluster.Policy(Ns, "web-policy").Status!;
        Assert.Equal(PolicyModes.Recommend, first.EffectiveMode); // not scored before this pass
        Assert.Equal(2, cluster.Hpa(Ns, "web").MinReplicas);
        var accuracy = first.Accuracy!;
        Assert.True(accuracy.Trusted, $"MAPE {accuracy.PolicyMape} vs {accuracy.PersistenceMape} / {accuracy.SeasonalNaiveMape}");
        Assert.True(accuracy.PolicyMape < accuracy.PersistenceMape && accuracy.PolicyMape < accuracy.SeasonalNaiveMape);
        Assert.Equal("4d", accuracy.Window);

        time.Advance(TimeSpan.FromMinutes(1));
        await reconciler.ReconcileAsync(CancellationToken.None);

        var second = cluster.Policy(Ns, "web-policy").Status!;
        Assert.Equal(PolicyModes.Auto, second.EffectiveMode);
        Assert.True(second.Accuracy!.Trusted);
        Assert.True(cluster.Hpa(Ns, "web").MinReplicas > 2, $"the trusted forecast floor was not applied (minReplicas {cluster.Hpa(Ns, "web").MinReplicas})");
        Assert.Equal(cluster.Hpa(Ns, "web").MinReplicas, second.ActiveFloor);
    }

    [Theory]
    [InlineData("persistence")] // ties persistence: not strictly better
    [InlineData("seasonal-naive:1d")] // ties daily seasonal-naive
    public async Task A_forecaster_that_does_not_beat_both_baselines_stays_in_recommend_and_says_why(string forecaster)
    {
        var (cluster, reconciler, time) = Setup(forecaster);

        await reconciler.ReconcileAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await reconciler.ReconcileAsync(CancellationToken.None);

        var status = cluster.Policy(Ns, "web-policy").Status!;
        Assert.False(status.Accuracy!.Trusted);
        Assert.Equal(PolicyModes.Recommend, status.EffectiveMode);
        Assert.Equal(2, cluster.Hpa(Ns, "web").MinReplicas);
        var acting = Assert.Single(status.Conditions!, c => c.Type == "Acting");
        Assert.Equal("False", acting.Status);
        Assert.Contains("trust gate", acting.Message, StringComparison.Ordinal);
        Assert.Contains("MAPE", acting.Message, StringComparison.Ordinal);
        Assert.True(status.RecommendedFloor > 2);
    }

    /// <summary>
    /// Regression (#11 follow-up): while the gate withheld the forecast, the controller ran approved events in a step
    /// without history, so a multiplier event had no normal load and raised nothing. Now Core's split runs: the event
    /// acts on the load observed one week earlier (the trend makes it lower than the untrusted forecast's), and the
    /// forecast's own plan is the policy's recommendation and the acting record's withheld floor.
    /// </summary>
    [Fact]
    public async Task While_withheld_an_approved_multiplier_event_acts_on_observed_normal_load_and_the_forecast_is_recommended()
    {
        var (cluster, reconciler, time) = Setup("persistence");
        cluster.SetHpa(cluster.Hpa(Ns, "web") with { MaxReplicas = 100 });
        var now = time.GetUtcNow();
        var sale = Resources.Event(Ns, "sale", "web", now.AddMinutes(1), now.AddHours(1), 1, leadTime: "2m");
        sale.Spec.ExpectedLoad = new Kubernetes.Entities.ExpectedLoad { Multiplier = 2 };
        cluster.AddEvent(sale);
        cluster.Approve(Ns, "sale", "alice");

        await reconciler.ReconcileAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await reconciler.ReconcileAsync(CancellationToken.None);

        var status = cluster.Policy(Ns, "web-policy").Status!;
        Assert.False(status.Accuracy!.Trusted);
        Assert.Equal(PolicyModes.Recommend, status.EffectiveMode);
        var record = reconciler.ActingRunner(Ns + "/web")!.Sink.Last!;
        Assert.Equal(Core.Decisions.DecisionReason.Event, record.Reason);
        Assert.Equal("same time one week earlier (observed)", record.NormalSource);
        var minReplicas = cluster.Hpa(Ns, "web").MinReplicas;
        Assert.True(minReplicas > 2, "the approved multiplier event raised no floor while the forecast was withheld");
        Assert.Equal(record.Floor, minReplicas);
        Assert.True(status.RecommendedFloor > minReplicas, $"recommended {status.RecommendedFloor}, acting {minReplicas}: the rising trend puts the forecast above last week");
        Assert.Equal(status.RecommendedFloor, record.WithheldFloor);
    }

    [Fact]
    public async Task A_policy_moved_from_recommend_to_a_withheld_auto_keeps_one_step_and_drops_its_observing_step()
    {
        var (cluster, reconciler, time) = Setup("persistence");
        var policy = cluster.Policy(Ns, "web-policy");
        policy.Spec.Mode = PolicyModes.Recommend;
        cluster.AddPolicy(policy);
        await reconciler.ReconcileAsync(CancellationToken.None);
        Assert.NotNull(reconciler.ObservingRunner(Ns + "/web"));

        policy = cluster.Policy(Ns, "web-policy");
        policy.Spec.Mode = PolicyModes.Auto;
        policy.Metadata.Generation = (policy.Metadata.Generation ?? 1) + 1;
        cluster.AddPolicy(policy);
        time.Advance(TimeSpan.FromMinutes(1));
        await reconciler.ReconcileAsync(CancellationToken.None);

        var status = cluster.Policy(Ns, "web-policy").Status!;
        Assert.Equal(PolicyModes.Recommend, status.EffectiveMode); // withheld: persistence ties itself
        Assert.Null(reconciler.ObservingRunner(Ns + "/web"));
        Assert.NotNull(reconciler.ActingRunner(Ns + "/web")!.Step.Recommendation);
        Assert.Equal(reconciler.ActingRunner(Ns + "/web")!.Step.Recommendation!.Floor, status.RecommendedFloor);
    }

    [Fact]
    public async Task A_trust_window_under_a_day_is_an_invalid_spec_naming_the_field()
    {
        var (cluster, reconciler, _) = Setup("holt-winters-additive", window: "12h");

        await reconciler.ReconcileAsync(CancellationToken.None);

        var valid = Assert.Single(cluster.Policy(Ns, "web-policy").Status!.Conditions!, c => c.Type == "Valid");
        Assert.Equal("False", valid.Status);
        Assert.Equal("InvalidDuration", valid.Reason);
        Assert.Contains("spec.trustGate.window", valid.Message, StringComparison.Ordinal);
        Assert.Equal(2, cluster.Hpa(Ns, "web").MinReplicas);
    }
}
