using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.History;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Prescale;
using Autoscaler.Simulator.Scenarios;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.Parity;

/// <summary>
/// Issue #11 follow-up: forecast parity between the hosts. The same load history, through the controller's reconcile
/// (in-memory cluster, a scripted Prometheus answering query_range from the load) and through the simulator's
/// <c>prescale:</c> replay (the same load as its trace), gives identical forecasts at every sync and identical decision
/// records, because both read history on Core's <see cref="HistoryGrid"/> (epoch-aligned) and refit on the same slots
/// (the scenario's <c>target</c> names the controller's HPA key). The load changes every minute, so a grid shifted by one
/// step changes the forecast: the last test proves the comparison would catch it.
/// </summary>
public sealed class ForecastParityTests
{
    private const string Ns = "shop";
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private static readonly TimeSpan Sync = TimeSpan.FromSeconds(15);

    private static string ScenarioYaml(int delaySeconds) => $"""
        name: forecast-parity
        workload:
          capacityPerPod: 100
          startupSeconds: 60
          initialReplicas: 2
        hpa:
          minReplicas: 2
          maxReplicas: 50
          syncPeriodSeconds: 15
          metric:
            type: External
            target: {"{"} averageValue: 100 {"}"}
            delaySeconds: {delaySeconds}
        prescale:
          forecaster: seasonal-naive
          target: shop/web
          leadTime: 2m
          actuation: minReplicas
          mode: auto
          schedule:
            - start: "{Resources.Rfc3339(T0.AddHours(3))}"
              end: "{Resources.Rfc3339(T0.AddHours(4))}"
              kind: flash-sale
              description: shop/sale
              floor: 30
        """;

    /// <summary>A daily wave plus a term that changes every minute (so a one-step grid shift shows).</summary>
    private static double Load(DateTime at) => Math.Round(1000 + (600 * Math.Sin(2 * Math.PI * at.TimeOfDay.TotalHours / 24)) + (20 * (at.Minute % 7)), 3);

    // Every HPA sync from T0 + 15 s for 75 minutes: crosses the refit slot of shop/web within the hour.
    private static IEnumerable<DateTimeOffset> Instants() =>
        Enumerable.Range(1, (int)(TimeSpan.FromMinutes(75) / Sync)).Select(i => T0 + (Sync * i));

    /// <summary>
    /// With a metric delay too: the controller's <c>--metric-delay</c> (<see cref="HistorySources.MetricDelay"/>) leaves
    /// out the newest history as the simulator's <c>hpa.metric.delaySeconds</c> does (90 s: not a whole grid step).
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    public async Task The_same_history_gives_identical_forecasts_and_decision_records_in_the_controller_and_the_simulator(int delaySeconds)
    {
        var controller = await ControllerRunAsync(shift: TimeSpan.Zero, TimeSpan.FromSeconds(delaySeconds));
        var simulator = SimulatorRun(delaySeconds);

        Assert.Equal(simulator.Forecasts.Count, controller.Forecasts.Count);
        Assert.True(controller.Forecasts.Select(f => f.FirstTarget).Distinct().Count() >= 2, "no refit in 75 minutes: the refit slots were not crossed");
        for (var i = 0; i < controller.Forecasts.Count; i++)
        {
            Assert.Equal(simulator.Forecasts[i].Model, controller.Forecasts[i].Model);
            Assert.Equal(simulator.Forecasts[i].FirstTarget, controller.Forecasts[i].FirstTarget);
            Assert.Equal(simulator.Forecasts[i].P50, controller.Forecasts[i].P50);
            Assert.Equal(simulator.Forecasts[i].P90, controller.Forecasts[i].P90);
        }

        Assert.Contains(controller.Records, r => r.Reason == DecisionReason.Forecast);
        Assert.True(controller.Records.Count >= 3, $"only {controller.Records.Count} changes: the wave should move the forecast floor");
        Assert.Equal(simulator.Records, controller.Records);
    }

    [Fact]
    public async Task A_controller_grid_shifted_by_one_step_is_caught()
    {
        var shifted = await ControllerRunAsync(shift: TimeSpan.FromMinutes(1), TimeSpan.Zero);
        var simulator = SimulatorRun(delaySeconds: 0);

        Assert.NotEqual(simulator.Forecasts[0].P50, shifted.Forecasts[0].P50);
    }

    [Fact]
    public async Task A_controller_that_ignores_the_metric_delay_is_caught()
    {
        var undelayed = await ControllerRunAsync(shift: TimeSpan.Zero, TimeSpan.Zero);
        var simulator = SimulatorRun(delaySeconds: 90);

        Assert.NotEqual(simulator.Forecasts[0].FirstTarget, undelayed.Forecasts[0].FirstTarget);
    }

    private static async Task<Run> ControllerRunAsync(TimeSpan shift, TimeSpan metricDelay)
    {
        var handler = new PrometheusHistoryTests.Scripted(r => (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, at => Load(at - shift))));
        var cluster = new InMemoryCluster();
        cluster.SetHpa(cluster.AddHpa(Ns, "web", 2, 50, 2) with { AverageValueTarget = 100 });
        var policy = Resources.Policy(Ns, "web-policy", "web", PolicyModes.Auto);
        policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
        policy.Spec.History!.Prometheus!.Step = "1m";
        cluster.AddPolicy(policy);
        var sale = Resources.Event(Ns, "sale", "web", T0.AddHours(3), T0.AddHours(4), 30, leadTime: "2m");
        cluster.AddEvent(sale);
        cluster.Approve(Ns, "sale", "alice");
        var time = new FakeTimeProvider(T0);
        var reconciler = new ControllerReconciler(cluster, cluster, new ControllerOptions { SyncPeriod = Sync }, time, new ControllerMetrics(),
            NullLogger<ControllerReconciler>.Instance, new HistorySources(new HttpClient(handler), new Uri("http://prom:9090/")) { MetricDelay = metricDelay });
        var run = new Run();
        foreach (var at in Instants())
        {
            time.SetUtcNow(at);
            await reconciler.ReconcileAsync(CancellationToken.None);
            var runner = reconciler.ActingRunner(Ns + "/web")!;
            var record = runner.Sink.Last;
            Assert.True(record is not null && record.Time == at, $"no acting decision at {at:O}");
            run.Add(record, runner.Step.Forecast!.WithEvents);
        }

        return run;
    }

    private static Run SimulatorRun(int delaySeconds)
    {
        var scenario = ScenarioLoader.Load(new StringReader(ScenarioYaml(delaySeconds)), "forecast-parity.yaml");
        var from = T0.UtcDateTime.AddDays(-15);
        var times = Enumerable.Range(0, 16 * 24 * 60).Select(i => from.AddMinutes(i)).ToArray();
        var driver = new PrescaleDriver(scenario, new DemandTrace(Series.Create(times, times.Select(Load).ToArray())));
        var run = new Run();
        var seen = 0;
        foreach (var at in Instants())
        {
            driver.Step(at.UtcTicks, currentReplicas: 2);
            var record = driver.Changes.Count > seen ? driver.Changes[^1] : null;
            seen = driver.Changes.Count;
            run.AddSimulated(record, driver.PreScale.Forecast!.WithEvents);
        }

        return run;
    }

    private sealed class Run
    {
        public List<DecisionRecord> Records { get; } = [];

        public List<(string Model, DateTimeOffset FirstTarget, double[] P50, double[] P90)> Forecasts { get; } = [];

        // The controller's side: every record, keeping those where the floor, reason or event changed (the simulator's rule).
        public void Add(DecisionRecord record, ForecastResult forecast)
        {
            var last = Records.Count == 0 ? null : Records[^1];
            if (last is null || last.Floor != record.Floor || last.Reason != record.Reason || last.Event != record.Event || last.WithheldFloor != record.WithheldFloor)
            {
                Records.Add(record);
            }

            AddForecast(forecast);
        }

        // The simulator's side: its sink already keeps the changes.
        public void AddSimulated(DecisionRecord? change, ForecastResult forecast)
        {
            if (change is not null)
            {
                Records.Add(change);
            }

            AddForecast(forecast);
        }

        private void AddForecast(ForecastResult forecast) =>
            Forecasts.Add((forecast.Model, forecast.FirstTarget, forecast.P50.ToArray(), forecast.P90.ToArray()));
    }
}
