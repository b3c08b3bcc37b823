using Autoscaler.Core.Control;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Accuracy;
using Autoscaler.Core.Planning;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Prescale;

/// <summary>
/// Runs the core's <see cref="PreScaleStep"/> (the same unit as the live controller) at every HPA sync of the
/// replay, on the engine's virtual clock, with the simulator's history, workload, actuator and sink edges.
/// </summary>
internal sealed class PrescaleDriver
{
    private readonly PreScaleStep _step;
    private readonly SimulationClock _clock = new();
    private readonly SimulatedCluster _cluster;
    private readonly bool _gated;

    public PrescaleDriver(Scenario scenario, DemandTrace trace)
    {
        var model = scenario.Prescale ?? throw new ArgumentException("The scenario has no prescale section.", nameof(scenario));
        Model = model;
        _cluster = new SimulatedCluster(scenario.Hpa.MinReplicas, scenario.Hpa.MaxReplicas);
        History = new TraceHistorySource(trace, TimeSpan.FromSeconds(scenario.Hpa.Metric.DelaySeconds));
        LeadTime = LeadTimeFor(scenario);
        IForecaster? forecaster = null;
        if (model.Forecaster != "none") ForecasterCatalog.TryCreate(model.Forecaster, out forecaster, out _);
        var policy = new PreScalePolicy
        {
            Capacity = CapacityFor(scenario),
            LeadTime = LeadTime,
            Calendar = model.Calendar,
            Forecaster = forecaster,
            ForecastFloors = model.ForecastFloors,
            Quantile = model.Quantile,
            Headroom = model.Headroom,
            Bounds = new SafetyBounds(model.MaxFloor, model.MaxStepUp),
            Mode = model.Mode,
            Actuation = model.Actuation,
            RefitEvery = model.RefitEvery,
            HistoryWindow = model.History,
            TrustWindow = model.TrustGate && forecaster is not null ? model.TrustWindow : null,
            RefitSlack = RefitSchedule.DeferralSlack,
        };
        if (model.Target is { } target) policy = policy with { RefitPhase = RefitSchedule.PhaseOf(target, policy.RefitEvery) };
        _gated = model.TrustGate && forecaster is not null && model.ForecastFloors;
        _step = new PreScaleStep(policy, History, _cluster, _cluster, _cluster, _clock);
    }

    public PrescaleModel Model { get; }

    public LeadTime LeadTime { get; }

    /// <summary>The step (tests read its forecast and the gate's verdict).</summary>
    public PreScaleStep PreScale => _step;

    /// <summary>Steps at which the trust gate withheld a forecast floor, and the last verdict (null: gate off or nothing scored).</summary>
    public int WithheldSteps => _cluster.WithheldSteps;

    public TraceHistorySource History { get; }

    /// <summary>Decision records where the floor, reason or event changed.</summary>
    public IReadOnlyList<DecisionRecord> Changes => _cluster.Changes;

    /// <summary>Runs one step at <paramref name="nowTicks"/>; returns the floor to hand to the HPA (0: none).</summary>
    public int Step(long nowTicks, int currentReplicas)
    {
        _clock.AdvanceTo(nowTicks);
        _cluster.CurrentReplicas = currentReplicas;
        // The controller's trust gate, the same Core call: decided on the verdict of the last refit, before this step.
        var gate = TrustGate.Decide(Model.Mode, _gated, _step.Accuracy?.Trusted == true);
        var pending = _step.RunOnceAsync(new StepRun(WithholdForecastFloors: gate.Withheld));
        // Every simulator edge completes synchronously: the step never waits on the virtual clock.
        if (!pending.IsCompleted) throw new InvalidOperationException("The pre-scale step did not complete synchronously.");
        pending.GetAwaiter().GetResult();
        return _cluster.Floor;
    }

    /// <summary>The floor the planner wanted at the last step, applied or not.</summary>
    public int PlannedFloor => _cluster.PlannedFloor;

    /// <summary>Auto lead time: startup + p90 of the uniform jitter + one sync + the metric delay.</summary>
    public static LeadTime LeadTimeFor(Scenario scenario)
    {
        if (scenario.Prescale?.LeadTime is { } explicitLead) return Autoscaler.Core.Planning.LeadTime.Explicit(explicitLead);
        var w = scenario.Workload;
        var startup = TimeSpan.FromSeconds(w.StartupSeconds + (0.9 * w.StartupJitterSeconds));
        return Autoscaler.Core.Planning.LeadTime.Auto(
            startup,
            TimeSpan.FromSeconds(scenario.Hpa.SyncPeriodSeconds),
            TimeSpan.FromSeconds(scenario.Hpa.Metric.DelaySeconds),
            $"scenario startupSeconds {w.StartupSeconds} + p90 of jitter [0, {w.StartupJitterSeconds}) s");
    }

    /// <summary>Replicas per unit of demand, from the HPA's metric and target.</summary>
    public static CapacityModel CapacityFor(Scenario scenario)
    {
        var m = scenario.Hpa.Metric;
        var w = scenario.Workload;
        if (m.Type == MetricKind.Utilization)
        {
            return CapacityModel.ForUtilization(w.CapacityPerPod * w.CpuRequestMilli / w.CpuAtCapacityMilli, m.AverageUtilization!.Value);
        }

        return m.AverageValue is { } average
            ? CapacityModel.ForAverageValue(average.ToDouble())
            : new CapacityModel(w.CapacityPerPod, $"Value target: one replica per capacityPerPod {w.CapacityPerPod}");
    }
}
