using System.Net;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

public sealed class ForecastPolicyTests
{
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private const string Ns = "shop";

    /// <summary>A daily load of 100 at night and 900 from 11:00 to 14:00 (UTC), 5-minute grid, answered for any range.</summary>
    private static string DailyPeak(Uri uri) => QueryRangeAnswers.Matrix(uri, at => at.Hour is >= 11 and < 14 ? 900 : 100);

    [Fact]
    public async Task An_auto_policy_without_trust_gate_raises_the_floor_from_a_Prometheus_forecast_and_reports_it()
    {
        var h = ReconcilerHarness.OnPrometheus(r => (HttpStatusCode.OK, DailyPeak(r.RequestUri!)), T0.AddMinutes(-30)); // 11:30, inside the daily peak
        var cluster = h.Cluster;
        var hpa = cluster.AddHpa(Ns, "web", 2, 20, 2);
        cluster.SetHpa(hpa with { AverageValueTarget = 100 });
        var policy = Resources.Policy(Ns, "web-policy", "web", PolicyModes.Auto);
        policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
        policy.Spec.HeadroomPercent = 0;
        cluster.AddPolicy(policy);

        await h.PassAsync();

        Assert.NotEmpty(h.Prometheus!.Requests);
        var status = cluster.Policy(Ns, "web-policy").Status!;
        Assert.Contains(status.Conditions!, c => c.Type == "HistoryAvailable" && c.Status == "True");
        Assert.Equal(PolicyModes.Auto, status.EffectiveMode);
        Assert.True(status.RecommendedFloor >= 8, $"a p90 floor for ~900 load at 100 per replica, got {status.RecommendedFloor}");
        Assert.Equal(status.RecommendedFloor, cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal(status.RecommendedFloor, status.ActiveFloor);
        Assert.Contains(status.Decisions!, d => d.Reason == "Forecast" && d.Action == "RaiseFloor");
    }

    [Fact]
    public async Task A_failing_query_is_a_condition_and_changes_nothing()
    {
        var h = ReconcilerHarness.OnPrometheus(_ => (HttpStatusCode.BadRequest, "{\"status\":\"error\",\"error\":\"bad_data: parse error\"}"), T0);
        var cluster = h.Cluster;
        cluster.AddHpa(Ns, "web", 2, 20, 2);
        var policy = Resources.Policy(Ns, "web-policy", "web", PolicyModes.Auto);
        policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
        cluster.AddPolicy(policy);

        await h.PassAsync();

        Assert.Equal(2, cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Contains(cluster.Policy(Ns, "web-policy").Status!.Conditions!,
            c => c.Type == "HistoryAvailable" && c.Reason == "QueryFailed" && c.Message!.Contains("parse error", StringComparison.Ordinal));
    }
}
