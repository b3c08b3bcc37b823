using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.History;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Prescale;
using Autoscaler.Simulator.Scenarios;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.Parity;

/// <summary>
/// Issue #11 follow-up: the trust gate's split is Core's (<c>PreScaleStep</c> with <c>StepRun.WithholdForecastFloors</c>),
/// so both hosts decide the same while it withholds a forecast floor and a multiplier event is active. The forecaster
/// (<c>seasonal-naive:1d</c>) ties the gate's own daily seasonal-naive baseline, so it is never trusted; the load rises
/// 3 per hour, so the forecast's normal (yesterday) is above the load one week earlier: an event multiplying the
/// forecast's normal (the simulator before this change) or planned without history (the controller before it) makes
/// other records than one multiplying the observed load, which both hosts now do.
/// </summary>
public sealed class TrustGateParityTests
{
    private const string Ns = "shop";
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private static readonly TimeSpan Sync = TimeSpan.FromSeconds(15);

    private static string ScenarioYaml(string forecaster) => $"""
        name: trust-gate-parity
        workload:
          capacityPerPod: 100
          startupSeconds: 60
          initialReplicas: 2
        hpa:
          minReplicas: 2
          maxReplicas: 100
          syncPeriodSeconds: 15
          metric:
            type: External
            target: {"{"} averageValue: 100 {"}"}
        prescale:
          forecaster: {forecaster}
          target: shop/web
          leadTime: 2m
          actuation: minReplicas
          mode: auto
          trustGate: {"{"} window: 4d {"}"}
          schedule:
            - start: "{Resources.Rfc3339(T0.AddMinutes(20))}"
              end: "{Resources.Rfc3339(T0.AddMinutes(50))}"
              kind: flash-sale
              description: shop/sale
              multiplier: 1.5
        """;

    /// <summary>A daily wave with deterministic noise, no trend: a 7-day profile averages the noise out and beats both baselines.</summary>
    private static double Noisy(DateTime at) => Math.Round(
        1500 + (300 * Math.Sin(2 * Math.PI * at.TimeOfDay.TotalHours / 24)) + (Hash((ulong)(at - DateTime.UnixEpoch).TotalMinutes) % 201) - 100.0, 3);

    // A fixed integer mix (splitmix64's finaliser): noise that does not repeat from one day to the next.
    private static ulong Hash(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }

    /// <summary>A rising trend, a daily wave and a term that changes every minute.</summary>
    private static double Load(DateTime at) => Math.Round(
        1000 + (3 * (at - T0.UtcDateTime.AddDays(-15)).TotalHours) + (300 * Math.Sin(2 * Math.PI * at.TimeOfDay.TotalHours / 24)) + (20 * (at.Minute % 7)), 3);

    // Every HPA sync from T0 + 15 s for 75 minutes: before, during and after the event, and across the refit slot.
    private static IEnumerable<DateTimeOffset> Instants() =>
        Enumerable.Range(1, (int)(TimeSpan.FromMinutes(75) / Sync)).Select(i => T0 + (Sync * i));

    [Fact]
    public async Task A_withheld_forecast_floor_under_an_active_multiplier_event_gives_identical_decision_records()
    {
        var (controller, modes) = await ControllerRecordsAsync("seasonal-naive:1d", Load, trusted: false);
        var simulator = SimulatorRecords("seasonal-naive:1d", Load, trusted: false);

        for (var i = 0; i < Math.Min(simulator.Count, controller.Count); i++)
        {
            Assert.Equal(simulator[i], controller[i]);
        }

        Assert.Equal(simulator.Count, controller.Count);
        Assert.All(modes, m => Assert.True(m.Expected == m.Actual, m.Seen)); // the gate withheld (then opened) as the scenario says

        // The scenario exercises the rule: a forecast floor withheld without an event, then the event acting on the load
        // observed one week earlier while the forecast's higher floor is withheld, then release.
        Assert.Contains(simulator, r => r.Event is null && r.WithheldFloor is not null && r.Floor is null);
        var during = simulator.Where(r => r.Event is not null).ToList();
        Assert.NotEmpty(during);
        Assert.All(during, r => Assert.Equal("same time one week earlier (observed)", r.NormalSource));
        Assert.Contains(during, r => r.WithheldFloor > r.Floor);
        Assert.Contains(simulator, r => r.Floor is null && r.Time >= T0.AddMinutes(50));
    }

    /// <summary>
    /// The gate opens after the first refit (withheld at the first step, as nothing is scored yet): both hosts keep the
    /// one step (the same fit, no refit when the gate opens; the controller used to build a new acting step then) and
    /// the forecast's floors act from the second step on.
    /// </summary>
    [Fact]
    public async Task A_gate_that_opens_after_the_first_refit_gives_identical_decision_records()
    {
        var (controller, modes) = await ControllerRecordsAsync("seasonal-profile", Noisy, trusted: true);
        var simulator = SimulatorRecords("seasonal-profile", Noisy, trusted: true);

        for (var i = 0; i < Math.Min(simulator.Count, controller.Count); i++)
        {
            Assert.Equal(simulator[i], controller[i]);
        }

        Assert.Equal(simulator.Count, controller.Count);
        Assert.All(modes, m => Assert.True(m.Expected == m.Actual, m.Seen)); // the gate withheld (then opened) as the scenario says
        Assert.NotNull(simulator[0].WithheldFloor); // the first step: not scored yet
        Assert.Contains(simulator, r => r.Reason == DecisionReason.Forecast && r.Floor is not null && r.WithheldFloor is null);
        Assert.Single(simulator, r => r.WithheldFloor is not null);
    }

    // The records kept, and the policy's effective mode after each pass (expected, actual, what was seen).
    private static async Task<(List<DecisionRecord> Records, List<(string Expected, string Actual, string Seen)> Modes)> ControllerRecordsAsync(
        string forecaster, Func<DateTime, double> load, bool trusted)
    {
        var handler = new PrometheusHistoryTests.Scripted(r => (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, load)));
        var cluster = new InMemoryCluster();
        cluster.SetHpa(cluster.AddHpa(Ns, "web", 2, 100, 2) with { AverageValueTarget = 100 });
        var policy = Resources.Policy(Ns, "web-policy", "web", PolicyModes.Auto);
        policy.Spec.Forecaster = forecaster;
        policy.Spec.TrustGate = new TrustGateSpec { Window = "4d" };
        policy.Spec.History!.Prometheus!.Step = "1m";
        cluster.AddPolicy(policy);
        var sale = Resources.Event(Ns, "sale", "web", T0.AddMinutes(20), T0.AddMinutes(50), 1, leadTime: "2m");
        sale.Spec.ExpectedLoad = new Kubernetes.Entities.ExpectedLoad { Multiplier = 1.5 };
        cluster.AddEvent(sale);
        cluster.Approve(Ns, "sale", "alice");
        var time = new FakeTimeProvider(T0);
        var reconciler = new ControllerReconciler(cluster, cluster, new ControllerOptions { SyncPeriod = Sync }, time, new ControllerMetrics(),
            NullLogger<ControllerReconciler>.Instance, new HistorySources(new HttpClient(handler), new Uri("http://prom:9090/")));
        var records = new List<DecisionRecord>();
        var modes = new List<(string Expected, string Actual, string Seen)>();
        foreach (var at in Instants())
        {
            time.SetUtcNow(at);
            await reconciler.ReconcileAsync(CancellationToken.None);
            var gate = cluster.Policy(Ns, "web-policy").Status!;
            modes.Add((trusted && at > Instants().First() ? PolicyModes.Auto : PolicyModes.Recommend, gate.EffectiveMode!,
                $"at {at:O}: mode {gate.EffectiveMode}, MAPE {gate.Accuracy?.PolicyMape} vs persistence {gate.Accuracy?.PersistenceMape}, daily seasonal-naive {gate.Accuracy?.SeasonalNaiveMape}"));
            var record = reconciler.ActingRunner(Ns + "/web")?.Sink.Last;
            Assert.True(record is not null && record.Time == at, $"no acting decision at {at:O}");
            KeepChange(records, record);
        }

        return (records, modes);
    }

    private static List<DecisionRecord> SimulatorRecords(string forecaster, Func<DateTime, double> load, bool trusted)
    {
        var scenario = ScenarioLoader.Load(new StringReader(ScenarioYaml(forecaster)), "trust-gate-parity.yaml");
        var from = T0.UtcDateTime.AddDays(-15);
        var times = Enumerable.Range(0, 16 * 24 * 60).Select(i => from.AddMinutes(i)).ToArray();
        var driver = new PrescaleDriver(scenario, new DemandTrace(Series.Create(times, times.Select(load).ToArray())));
        foreach (var at in Instants())
        {
            driver.Step(at.UtcTicks, currentReplicas: 2);
        }

        Assert.True(trusted == driver.PreScale.Accuracy!.Trusted, $"the simulator's verdict: {driver.PreScale.Accuracy.Describe()}");
        return [.. driver.Changes];
    }

    // The simulator's decisions.jsonl rule: keep a record when the floor, reason, event or withheld floor changed.
    private static void KeepChange(List<DecisionRecord> records, DecisionRecord record)
    {
        var last = records.Count == 0 ? null : records[^1];
        if (last is null || last.Floor != record.Floor || last.Reason != record.Reason || last.Event != record.Event || last.WithheldFloor != record.WithheldFloor)
        {
            records.Add(record);
        }
    }
}
