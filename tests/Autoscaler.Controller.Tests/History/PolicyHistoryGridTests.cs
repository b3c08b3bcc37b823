using System.Globalization;
using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.History;

/// <summary>
/// Issue #11 follow-up: the controller reads a policy's 14 days at the policy's own step (chunked query_range), so its
/// forecaster sees the same 1-minute grid as the simulator's, not a widened 121 s one.
/// </summary>
public sealed class PolicyHistoryGridTests
{
    private static double Load(DateTime at) => Math.Round(1000 + (600 * Math.Sin(2 * Math.PI * at.TimeOfDay.TotalHours / 24)) + (at.Minute % 7), 3);

    [Fact]
    public async Task A_one_minute_policy_forecasts_from_the_same_one_minute_grid_as_a_step_fed_the_series_directly()
    {
        var handler = new PrometheusHistoryTests.Scripted(r => (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, Load)));
        var cluster = new InMemoryCluster();
        cluster.SetHpa(cluster.AddHpa("shop", "web", 2, 50, 2) with { AverageValueTarget = 100 });
        var policy = Resources.Policy("shop", "web-policy", "web", PolicyModes.Auto);
        policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
        policy.Spec.History!.Prometheus!.Step = "1m";
        cluster.AddPolicy(policy);
        var time = new FakeTimeProvider(ReconcilerHarness.T0);
        var reconciler = new ControllerReconciler(cluster, cluster, new ControllerOptions(), time, new ControllerMetrics(),
            NullLogger<ControllerReconciler>.Instance, new HistorySources(new HttpClient(handler), new Uri("http://prom:9090/")));

        await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count); // 20,160 points in chunks of at most 10,000
        Assert.All(handler.Requests, u => Assert.Contains("&step=60", u.Query, StringComparison.Ordinal));
        var controller = reconciler.ActingRunner("shop/web")!.Step.Forecast!.WithEvents;
        Assert.Equal(TimeSpan.FromMinutes(1), controller.Step);

        // What the simulator does: the same series on the same 1-minute grid straight into Core's step.
        var now = ReconcilerHarness.T0;
        var from = now - TimeSpan.FromDays(14);
        var series = Enumerable.Range(0, 14 * 24 * 60).Select(i => Load((from + TimeSpan.FromMinutes(i)).UtcDateTime)).ToArray();
        ForecasterCatalog.TryCreate("seasonal-naive", out var forecaster, out _);
        var direct = new PreScaleStep(
            reconciler.ActingRunner("shop/web")!.Policy with { Forecaster = forecaster },
            new FixedHistory(new ForecastHistory(from, TimeSpan.FromMinutes(1), series)), new Snapshot(), new Ignore(), new Ignore(), time);
        await direct.RunOnceAsync();
        var simulator = direct.Forecast!.WithEvents;
        Assert.Equal(simulator.FirstTarget, controller.FirstTarget);
        Assert.Equal(simulator.P50.ToArray(), controller.P50.ToArray());
        Assert.Equal(simulator.P90.ToArray(), controller.P90.ToArray());
    }

    private sealed class FixedHistory(ForecastHistory history) : IHistorySource
    {
        public ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
            ValueTask.FromResult<ForecastHistory?>(history);
    }

    private sealed class Snapshot : IWorkloadView
    {
        public ValueTask<WorkloadSnapshot> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new WorkloadSnapshot(2, 50, 2));
    }

    private sealed class Ignore : IFloorActuator, IDecisionSink
    {
        public ValueTask ApplyAsync(int? floor, Core.Planning.FloorActuation actuation, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask WriteAsync(Core.Decisions.DecisionRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
