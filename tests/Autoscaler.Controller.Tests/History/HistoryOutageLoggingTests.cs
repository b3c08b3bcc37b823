using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.History;

/// <summary>
/// An unreachable history source is logged and posted as a Kubernetes Event when the outage starts and when it ends, and
/// logged at most every 10 minutes while it lasts (a new user's trial: one Warning per sync pass); the HistoryAvailable
/// condition stays current (the failure count and the next read).
/// </summary>
public sealed class HistoryOutageLoggingTests
{
    private const string Ns = "shop";

    [Fact]
    public async Task An_outage_is_logged_on_its_transitions_and_at_most_every_ten_minutes()
    {
        var reachable = false;
        var handler = new PrometheusHistoryTests.Scripted(r => reachable
            ? (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, _ => 600))
            : throw new HttpRequestException("Connection refused (prom:9090)"));
        var cluster = new InMemoryCluster();
        cluster.SetHpa(cluster.AddHpa(Ns, "web", 2, 20, 2) with { AverageValueTarget = 100 });
        var policy = Resources.Policy(Ns, "web-policy", "web", PolicyModes.Observe);
        policy.Spec.Forecaster = "persistence";
        policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
        cluster.AddPolicy(policy);
        var time = new FakeTimeProvider(ReconcilerHarness.T0);
        var logger = new ListLogger<ControllerReconciler>();
        var reconciler = new ControllerReconciler(cluster, cluster, new ControllerOptions(), time, new ControllerMetrics(), logger,
            new HistorySources(new HttpClient(handler), ReconcilerHarness.PrometheusUrl));
        ResourceCondition History() => cluster.Policy(Ns, "web-policy").Status!.Conditions!.Single(c => c.Type == "HistoryAvailable");

        for (var pass = 0; pass <= 60; pass++) // 30 minutes of 30 s passes
        {
            await reconciler.ReconcileAsync(CancellationToken.None);
            if (pass == 1)
            {
                Assert.Equal("QueryFailed", History().Reason);
                Assert.Contains("2 consecutive failures", History().Message, StringComparison.Ordinal);
            }

            time.Advance(TimeSpan.FromSeconds(30));
        }

        var warnings = logger.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.Equal(["HistoryUnavailable", "HistoryStillUnavailable", "HistoryStillUnavailable", "HistoryStillUnavailable"], warnings.Select(w => w.Event));
        Assert.All(warnings, w => Assert.Contains("Connection refused", w.Message, StringComparison.Ordinal));
        Assert.Single(cluster.Events, e => e.Reason == "HistoryUnavailable" && e.Warning && e.Target.Name == "web-policy");
        Assert.Equal("QueryFailed", History().Reason);
        Assert.Contains("Connection refused", History().Message, StringComparison.Ordinal);
        Assert.True(handler.Requests.Count < 20, $"{handler.Requests.Count} reads in 30 minutes: the source is not asked every pass");

        reachable = true;
        for (var pass = 0; pass < 12; pass++) // at most one 5-minute backoff later
        {
            await reconciler.ReconcileAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal("Fitted", History().Reason);
        Assert.Single(cluster.Events, e => e.Reason == "HistoryRecovered" && !e.Warning);
        Assert.Single(logger.Entries, e => e.Event == "HistoryRecovered" && e.Level == LogLevel.Information);
        Assert.Equal(4, logger.Entries.Count(e => e.Level >= LogLevel.Warning));
    }
}
