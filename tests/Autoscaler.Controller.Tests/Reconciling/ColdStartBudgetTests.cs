using System.Globalization;
using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.History;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.Reconciling;

/// <summary>
/// Issue #11 follow-up: the first pass after a restart (or a leader change) no longer fits every forecast at once. First
/// fits take Core's per-pass share (RefitSchedule.Share) like refits; a policy still waiting reports ForecastPending and
/// changes nothing (a floor it held before the restart stays); scheduled events act at once (they need no fit).
/// </summary>
public sealed class ColdStartBudgetTests
{
    private const int Policies = 40;
    private static readonly TimeSpan Sync = TimeSpan.FromSeconds(30);

    private static (InMemoryCluster Cluster, FakeTimeProvider Time, PrometheusHistoryTests.Scripted Prometheus, Func<ControllerReconciler> NewReconciler) Setup()
    {
        var handler = new PrometheusHistoryTests.Scripted(r => (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, _ => 500)));
        var cluster = new InMemoryCluster();
        for (var i = 0; i < Policies; i++)
        {
            var name = "web-" + i.ToString(CultureInfo.InvariantCulture);
            cluster.SetHpa(cluster.AddHpa("shop", name, 2, 20, 2) with { AverageValueTarget = 100 });
            var policy = Resources.Policy("shop", name, name, PolicyModes.Auto);
            policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
            policy.Spec.HeadroomPercent = 0;
            policy.Spec.History!.Prometheus!.Query = $"sum(rate(http_requests_total{{app=\"{name}\"}}[1m]))";
            cluster.AddPolicy(policy);
        }

        var time = new FakeTimeProvider(ReconcilerHarness.T0);
        return (cluster, time, handler, () => new ControllerReconciler(cluster, cluster, new ControllerOptions { SyncPeriod = Sync }, time, new ControllerMetrics(),
            NullLogger<ControllerReconciler>.Instance, new HistorySources(new HttpClient(handler), new Uri("http://prom:9090/"))));
    }

    private static int Floored(InMemoryCluster cluster) =>
        Enumerable.Range(0, Policies).Count(i => cluster.Hpa("shop", "web-" + i.ToString(CultureInfo.InvariantCulture)).MinReplicas == 5);

    private static List<string> PendingPolicies(InMemoryCluster cluster) =>
        [.. Enumerable.Range(0, Policies).Select(i => "web-" + i.ToString(CultureInfo.InvariantCulture))
            .Where(n => cluster.Policy("shop", n).Status?.Conditions?.Any(c => c.Type == "HistoryAvailable" && c.Reason == "ForecastPending") == true)];

    [Fact]
    public async Task A_cold_start_fits_at_most_the_share_per_pass_and_the_waiting_policies_report_ForecastPending()
    {
        var (cluster, time, prometheus, create) = Setup();
        var reconciler = create();

        // 40 hourly policies on a 30 s pass: a share of ceil(40 × 30 s / 1 h) = 1 fit per pass.
        await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Single(prometheus.Requests);
        Assert.Equal(1, Floored(cluster));
        var pending = PendingPolicies(cluster);
        Assert.Equal(Policies - 1, pending.Count);
        var waiting = cluster.Policy("shop", pending[0]).Status!;
        Assert.Null(waiting.ActiveFloor);
        Assert.Contains(waiting.Decisions!, d => d.Reason == "ForecastPending");

        for (var pass = 2; pass <= Policies; pass++)
        {
            time.Advance(Sync);
            await reconciler.ReconcileAsync(CancellationToken.None);
            Assert.Equal(pass, prometheus.Requests.Count);
            Assert.Equal(pass, Floored(cluster));
            Assert.Equal(Policies - pass, PendingPolicies(cluster).Count);
        }
    }

    [Fact]
    public async Task After_a_restart_the_floors_held_stay_while_their_first_fits_wait()
    {
        var (cluster, time, prometheus, create) = Setup();
        var first = create();
        for (var pass = 0; pass < Policies; pass++)
        {
            await first.ReconcileAsync(CancellationToken.None);
            time.Advance(Sync);
        }

        Assert.Equal(Policies, Floored(cluster));
        var writes = cluster.Applies.Count;
        var before = prometheus.Requests.Count;

        var restarted = create(); // a new process: no forecast in memory, floors in the HPAs' annotations
        await restarted.ReconcileAsync(CancellationToken.None);

        Assert.Equal(before + 1, prometheus.Requests.Count);
        Assert.Equal(Policies, Floored(cluster)); // nothing released on no forecast
        Assert.Equal(writes, cluster.Applies.Count); // nor written
        Assert.Equal(Policies - 1, PendingPolicies(cluster).Count);
        Assert.All(PendingPolicies(cluster), n => Assert.Equal(5, cluster.Policy("shop", n).Status!.ActiveFloor));
    }

    [Fact]
    public async Task A_scheduled_event_acts_in_the_first_pass_even_when_its_policys_fit_waits()
    {
        var (cluster, time, prometheus, create) = Setup();
        var reconciler = create();
        await reconciler.ReconcileAsync(CancellationToken.None); // the cold start's first pass fits web-0 only
        var sale = Resources.Event("shop", "sale", "web-39", ReconcilerHarness.T0.AddSeconds(40), ReconcilerHarness.T0.AddHours(1), 9);
        cluster.AddEvent(sale);
        cluster.Approve("shop", "sale", "alice");
        time.Advance(Sync);

        await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal(2, prometheus.Requests.Count); // the budget: one more fit (web-1, the longest-waiting by key), not web-39's
        Assert.Contains("web-39", PendingPolicies(cluster));
        Assert.Equal(9, cluster.Hpa("shop", "web-39").MinReplicas);
    }
}
