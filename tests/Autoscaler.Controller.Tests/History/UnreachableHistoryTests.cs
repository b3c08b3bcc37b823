using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.History;

/// <summary>
/// A history source that cannot be reached (found trying docs/controller.md with a Prometheus URL that does not resolve):
/// the first pass said QueryFailed, every later pass said "NoHistory: the history returned no data" and the fit was not
/// tried again before the next hourly refit slot, because the observing step survived the failure with its fit spent.
/// The fix lives in Core (a failed read is not a fit, read again after a backoff): the controller keeps the same step.
/// </summary>
public sealed class UnreachableHistoryTests
{
    private const string Ns = "shop";
    private static readonly Uri Adapter = new("https://metrics-adapter.autoscaler.svc");

    [Fact]
    public async Task An_unreachable_source_stays_QueryFailed_and_is_read_again_at_the_next_pass()
    {
        var reachable = false;
        var handler = new PrometheusHistoryTests.Scripted(r => reachable
            ? (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, _ => 600))
            : throw new HttpRequestException("Resource temporarily unavailable (metrics-adapter.autoscaler.svc:443)"));
        var cluster = new InMemoryCluster();
        cluster.SetHpa(cluster.AddHpa(Ns, "web", 2, 20, 2) with { AverageValueTarget = 100 });
        var policy = Resources.Policy(Ns, "web-policy", "web", PolicyModes.Observe);
        policy.Spec.History = new HistorySourceSpec { AdapterMetric = new AdapterMetricHistorySpec { Name = "queue_length" } };
        policy.Spec.Forecaster = "persistence";
        policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
        policy.Spec.HeadroomPercent = 0;
        cluster.AddPolicy(policy);
        var time = new FakeTimeProvider(ReconcilerHarness.T0);
        var reconciler = new ControllerReconciler(cluster, cluster, new ControllerOptions(), time, new ControllerMetrics(),
            NullLogger<ControllerReconciler>.Instance, new HistorySources(new HttpClient(), null, new HttpClient(handler), Adapter));
        ResourceCondition History() => cluster.Policy(Ns, "web-policy").Status!.Conditions!.Single(c => c.Type == "HistoryAvailable");

        await reconciler.ReconcileAsync(CancellationToken.None);
        Assert.Equal("QueryFailed", History().Reason);
        var asked = handler.Requests.Count;
        var step = reconciler.ObservingRunner(Ns + "/web")!.Step;

        time.Advance(TimeSpan.FromSeconds(30));
        await reconciler.ReconcileAsync(CancellationToken.None);
        Assert.True(handler.Requests.Count > asked, "the second pass reads the history again");
        Assert.Equal("QueryFailed", History().Reason);
        Assert.Contains("Resource temporarily unavailable", History().Message, StringComparison.Ordinal);
        Assert.Contains("2 consecutive failures", History().Message, StringComparison.Ordinal);
        Assert.Same(step, reconciler.ObservingRunner(Ns + "/web")!.Step); // no rebuild: Core retries, not a host workaround

        reachable = true;
        time.Advance(TimeSpan.FromSeconds(30));
        await reconciler.ReconcileAsync(CancellationToken.None);
        Assert.Equal("Fitted", History().Reason);
        Assert.Equal(6, cluster.Policy(Ns, "web-policy").Status!.RecommendedFloor);
    }
}
