using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;
using BenchmarkDotNet.Attributes;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Benchmarks.Controller;

/// <summary>
/// Issue #11's scale aim: one full reconcile cycle of the controller with <see cref="Policies"/> PredictivePolicies on
/// one replica (in-memory cluster, the tests' <c>InMemoryCluster</c>), forecasts cached (fitted in the setup from a
/// scripted Prometheus, 14 days at 5 minutes, forecaster seasonal-naive, trust gate off), every policy in auto with
/// a forecast floor held. The 1-policy run is the baseline of the same run. API writes of the measured cycles are
/// counted (aim: none while no floor changes). <see cref="RefitCycle"/> measures the worst refit cycle: one hour on,
/// every forecast's refit is due at once and the pass runs only its share (Core's <c>RefitSchedule</c>).
/// <see cref="ColdCycle"/> measures the first pass after a restart: a new reconciler (no forecast in memory) over the
/// same cluster, whose HPAs hold their floors; first fits take the same share, the others report ForecastPending.
/// </summary>
[MemoryDiagnoser]
public class ControllerCycleBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan SyncPeriod = TimeSpan.FromSeconds(30);
    private InMemoryCluster _cluster = null!;
    private FakeTimeProvider _time = null!;
    private ControllerReconciler _reconciler = null!;
    private int _writesAfterSetup;
    private int _queriesAfterSetup;
    private int _refitCycles;
    private DailyWave _prometheus = null!;
    private HistorySources _histories = null!;
    private int _coldCycles;
    private int _warmUpPasses;

    /// <summary>Number of PredictivePolicies (each on its own HPA).</summary>
    [Params(1, 1000)]
    public int Policies { get; set; }

    [GlobalSetup(Target = nameof(Cycle))]
    public void Setup()
    {
        _cluster = new InMemoryCluster();
        for (var i = 0; i < Policies; i++)
        {
            var ns = "team-" + (i % 20).ToString(CultureInfo.InvariantCulture);
            var name = "web-" + i.ToString(CultureInfo.InvariantCulture);
            _cluster.SetHpa(_cluster.AddHpa(ns, name, 2, 50, 2) with { AverageValueTarget = 100 });
            _cluster.AddPolicy(new V1Alpha1PredictivePolicy
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Generation = 1, CreationTimestamp = Now.UtcDateTime.AddDays(-30) },
                Spec = new PredictivePolicySpec
                {
                    TargetRef = new PolicyTargetRef { Name = name },
                    History = new HistorySourceSpec { Prometheus = new PrometheusHistorySpec { Query = $"sum(rate(http_requests_total{{app=\"{name}\"}}[1m]))" } },
                    Mode = PolicyModes.Auto,
                    Forecaster = "seasonal-naive",
                    TrustGate = new TrustGateSpec { Enabled = false },
                },
            });
        }

        _prometheus = new DailyWave();
        _histories = new HistorySources(new HttpClient(_prometheus), new Uri("http://prometheus:9090/"));
        _time = new FakeTimeProvider(Now);
        _reconciler = NewReconciler();
        var watch = Stopwatch.StartNew();
        // The first pass fits its share of the forecasts (a cold start is budgeted); passes at the same instant fit the
        // rest, share by share, so that every forecast is fitted at Now and no refit falls due during the measured cycles.
        // One more pass settles the statuses that echo the last fits.
        _reconciler.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
        var first = watch.Elapsed;
        _warmUpPasses = 1;
        while (_prometheus.Queries < Policies)
        {
            _reconciler.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
            _warmUpPasses++;
        }

        var all = watch.Elapsed;
        _reconciler.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
        _writesAfterSetup = _cluster.Writes;
        _queriesAfterSetup = _prometheus.Queries;
        Console.WriteLine($"// setup: {Policies} policies, first pass (its share of fits + writes) {first.TotalMilliseconds:0} ms, " +
            $"{_warmUpPasses} passes until every forecast was fitted ({all.TotalMilliseconds:0} ms), " +
            $"{_cluster.Applies.Count} applies, {_cluster.StatusPatches.Count} status patches, {_cluster.Events.Count} Events");
    }

    /// <summary>Setup as for <see cref="Cycle"/>: every floor held and every status written, then each iteration restarts.</summary>
    [GlobalSetup(Target = nameof(ColdCycle))]
    public void SetupCold()
    {
        Setup();
        _writesAfterSetup = _cluster.Writes;
        _queriesAfterSetup = _prometheus.Queries;
    }

    /// <summary>A restart before every cold cycle: a new reconciler with no forecast in memory over the same cluster and clock.</summary>
    [IterationSetup(Target = nameof(ColdCycle))]
    public void Restart() => _reconciler = NewReconciler();

    /// <summary>
    /// The first full cycle after a restart: every step is built anew and wants its first fit; the pass fits only its
    /// share (ceil(policies × 30 s / 1 h): 9 for 1,000, 1 for 1), the others report ForecastPending and keep the floors
    /// their HPAs hold. One cycle per iteration (the setup restarts); the cleanup prints fits and writes per cycle.
    /// </summary>
    [Benchmark]
    public bool ColdCycle()
    {
        _coldCycles++;
        return _reconciler.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private ControllerReconciler NewReconciler() =>
        new(_cluster, _cluster, new ControllerOptions { SyncPeriod = SyncPeriod }, _time, new ControllerMetrics(), NullLogger<ControllerReconciler>.Instance, _histories);

    /// <summary>
    /// Setup, then one hour on: every step's refit is due (the worst case; policies created together). Two passes there
    /// absorb the floor changes of the hour (writes, not refits) before the measured cycles.
    /// </summary>
    [GlobalSetup(Target = nameof(RefitCycle))]
    public void SetupRefit()
    {
        Setup();
        _time.Advance(TimeSpan.FromHours(1));
        _reconciler.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
        _reconciler.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
        _writesAfterSetup = _cluster.Writes;
        _queriesAfterSetup = _prometheus.Queries;
    }

    /// <summary>Present so that BenchmarkDotNet runs one <see cref="RefitCycle"/> per iteration: the few measured cycles stay saturated.</summary>
    [IterationSetup(Target = nameof(RefitCycle))]
    public void OneRefitCyclePerIteration()
    {
    }

    /// <summary>One full steady-state cycle: resolve every resource from the caches, run every HPA's step, compare statuses.</summary>
    [Benchmark]
    public bool Cycle() => _reconciler.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// A full cycle while more refits are due than the pass's share (ceil(policies × 30 s / 1 h): 9 for 1,000, 1 for 1):
    /// the share refits, the rest wait. The clock stands still so that the cycles differ from <see cref="Cycle"/> only by
    /// the refits (1,000 policies stay saturated for 111 cycles; one cycle per iteration; the cleanup prints the refits).
    /// </summary>
    [Benchmark]
    public bool RefitCycle()
    {
        _refitCycles++;
        return _reconciler.ReconcileAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// API writes during the measured cycles ({Policies} policies): {_cluster.Writes - _writesAfterSetup}");
        var queries = _prometheus.Queries - _queriesAfterSetup;
        Console.WriteLine($"// history reads (refits) during the measured cycles ({Policies} policies): {queries}" +
            (_refitCycles > 0 ? $" in {_refitCycles} refit cycles" : "") + (_coldCycles > 0 ? $" in {_coldCycles} cold cycles" : ""));
    }

    /// <summary>query_range answers: 1,000 ± 600 on a daily sine, any range and step.</summary>
    private sealed class DailyWave : HttpMessageHandler
    {
        private int _queries;

        public int Queries => _queries;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _queries);
            var body = QueryRangeAnswers.Matrix(request.RequestUri!, at => 1000 + (600 * Math.Sin(2 * Math.PI * at.TimeOfDay.TotalHours / 24)));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
