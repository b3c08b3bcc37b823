using Autoscaler.Controller.Tests.Support;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Prescale;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Controller.Tests.Parity;

/// <summary>
/// Issue #11's parity test: one scripted scenario (the same HPA, events, lead time and sync instants) through the live
/// controller's reconcile on the in-memory cluster and through the simulator's <c>prescale:</c> section (its scenario
/// reader and <see cref="PrescaleDriver"/>) yields identical Core decision records, because both hosts only map their
/// inputs to Core's <c>PreScaleStep</c>. Records are compared whole (every member: time, floor, reason, event label,
/// lead time, bounds, capacity, action text), keeping those where the floor, reason or event changed (the simulator's
/// decisions.jsonl rule).
/// </summary>
public sealed class ControllerSimulatorParityTests
{
    private const string Ns = "shop";
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private static readonly TimeSpan Sync = TimeSpan.FromSeconds(15);

    // The simulator's side: the events written as the scenario's inline schedule (description = the controller's ns/name,
    // ramp 20m = the four steps ScalingEventMapping makes of a Go duration).
    private static readonly string ScenarioYaml = $"""
        name: parity
        workload:
          capacityPerPod: 100
          startupSeconds: 60
          initialReplicas: 2
        hpa:
          minReplicas: 2
          maxReplicas: 20
          syncPeriodSeconds: 15
          metric:
            type: External
            target: {"{"} averageValue: 100 {"}"}
        prescale:
          forecaster: none
          leadTime: 2m
          actuation: minReplicas
          mode: auto
          schedule:
            - start: "{Resources.Rfc3339(T0.AddMinutes(30))}"
              end: "{Resources.Rfc3339(T0.AddMinutes(50))}"
              kind: flash-sale
              description: shop/sale
              floor: 6
              ramp:
                - {"{"} before: 20m, share: 0.25 {"}"}
                - {"{"} before: 15m, share: 0.5 {"}"}
                - {"{"} before: 10m, share: 0.75 {"}"}
                - {"{"} before: 5m, share: 1 {"}"}
            - start: "{Resources.Rfc3339(T0.AddMinutes(45))}"
              end: "{Resources.Rfc3339(T0.AddMinutes(70))}"
              kind: launch
              description: shop/launch
              floor: 9
        """;

    [Fact]
    public async Task The_controller_and_the_simulator_make_identical_decision_records_for_the_same_events()
    {
        var controller = await ControllerRecordsAsync();
        var simulator = SimulatorRecords();

        Assert.True(controller.Count >= 6, $"only {controller.Count} changes: the script should ramp, overlap and release");
        Assert.Contains(controller, r => r.Floor == 9);
        Assert.Contains(controller, r => r.Floor is null && r.Time >= T0.AddMinutes(70));
        Assert.Equal(simulator.Count, controller.Count);
        for (var i = 0; i < controller.Count; i++)
        {
            Assert.Equal(simulator[i], controller[i]);
        }
    }

    private static async Task<List<DecisionRecord>> ControllerRecordsAsync()
    {
        var h = new ReconcilerHarness();
        h.Cluster.SetHpa(h.Cluster.AddHpa(Ns, "web", 2, 20, 2) with { AverageValueTarget = 100 });
        var sale = Resources.Event(Ns, "sale", "web", T0.AddMinutes(30), T0.AddMinutes(50), 6, leadTime: "2m");
        sale.Spec.Ramp = "20m";
        h.Cluster.AddEvent(sale);
        var launch = Resources.Event(Ns, "launch", "web", T0.AddMinutes(45), T0.AddMinutes(70), 9, leadTime: "2m");
        launch.Spec.Kind = "launch";
        h.Cluster.AddEvent(launch);
        h.Cluster.Approve(Ns, "sale", "alice");
        h.Cluster.Approve(Ns, "launch", "alice");

        var records = new List<DecisionRecord>();
        foreach (var at in Instants())
        {
            await h.PassAtAsync(at);
            var record = h.Reconciler.ActingRunner(Ns + "/web")?.Sink.Last;
            Assert.True(record is not null && record.Time == at, $"no acting decision at {at:O}");
            KeepChange(records, record);
        }

        return records;
    }

    private static List<DecisionRecord> SimulatorRecords()
    {
        var scenario = ScenarioLoader.Load(new StringReader(ScenarioYaml), "parity.yaml");
        var times = Enumerable.Range(0, 120).Select(i => T0.UtcDateTime.AddMinutes(i)).ToArray();
        var driver = new PrescaleDriver(scenario, new DemandTrace(Series.Create(times, times.Select(_ => 100.0).ToArray())));
        foreach (var at in Instants())
        {
            driver.Step(at.UtcTicks, currentReplicas: 2);
        }

        return [.. driver.Changes];
    }

    // Every HPA sync from T0 to T0 + 80 min, as the simulator's engine steps the planner.
    private static IEnumerable<DateTimeOffset> Instants() =>
        Enumerable.Range(0, (int)(TimeSpan.FromMinutes(80) / Sync)).Select(i => T0 + (Sync * i));

    private static void KeepChange(List<DecisionRecord> records, DecisionRecord record)
    {
        var last = records.Count == 0 ? null : records[^1];
        if (last is null || last.Floor != record.Floor || last.Reason != record.Reason || last.Event != record.Event)
        {
            records.Add(record);
        }
    }
}
