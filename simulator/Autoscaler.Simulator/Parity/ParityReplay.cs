using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Parity;

/// <summary>
/// Replays a scripted External metric series through the simulator's engine and the core's HPA reconcile
/// with the v1.20 profile and the given controller flags, and returns the changes of <c>spec.replicas</c>.
/// The engine syncs at the start and every sync period after it, or at given instants (the real
/// controller's measured syncs); the metric has no delay (the adapter serves the last pushed value at once). Pods start in 0 s: with an External AverageValue target v1.20
/// divides by <c>scale.status.replicas</c> (pods that exist) and never reads pod readiness.
/// </summary>
internal static class ParityReplay
{
    /// <summary>The profile the control plane's kube-controller-manager (v1.20.2) is reproduced with.</summary>
    public const string Profile = "v1.20";

    private static readonly DateTime Start = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Runs the replay.</summary>
    /// <param name="hpa">The HPA and its starting replicas.</param>
    /// <param name="flags">The controller flags.</param>
    /// <param name="series">The metric series; the first point must be at 0 s, times strictly increasing.</param>
    /// <param name="durationSeconds">How long to run, seconds from the start.</param>
    /// <param name="syncTimes">When to sync, seconds from the start, ascending (the real controller's measured syncs); null syncs every period from the start.</param>
    /// <returns>Every change of <c>spec.replicas</c>, in time order, seconds from the start.</returns>
    /// <exception cref="ArgumentException">The series is empty, does not start at 0 s or does not increase.</exception>
    public static IReadOnlyList<ReplicaChange> Simulate(ParityCase hpa, ControllerFlags flags, IReadOnlyList<SeriesPoint> series, double durationSeconds,
        IReadOnlyList<double>? syncTimes = null)
    {
        ArgumentNullException.ThrowIfNull(hpa);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0 || series[0].At != 0)
        {
            throw new ArgumentException("The series must start with a point at 0 s.", nameof(series));
        }

        var trace = new DemandTrace(Series.Create(series.Select(p => Start.AddSeconds(p.At)).ToArray(), series.Select(p => p.Value).ToArray()));
        var scenario = ToScenario(hpa, flags);
        var outcome = new ReplayEngine(scenario, trace, new HpaDecider(scenario))
        {
            SyncSchedule = syncTimes?.Where(t => t >= 0 && t < durationSeconds).Select(t => Start.AddSeconds(t)).ToList(),
        }.Run(Start, Start.AddSeconds(durationSeconds));
        var changes = new List<ReplicaChange>();
        var replicas = hpa.InitialReplicas;
        var timeline = outcome.Timeline;
        for (var i = 0; i < timeline.Count; i++)
        {
            if (timeline.Replicas[i] != replicas)
            {
                replicas = timeline.Replicas[i];
                changes.Add(new ReplicaChange(TimeSpan.FromTicks(timeline.Ticks[i] - Start.Ticks).TotalSeconds, replicas));
            }
        }

        return changes;
    }

    /// <summary>The scenario the replay runs: one External AverageValue metric, no delay, pods ready at once.</summary>
    public static Scenario ToScenario(ParityCase hpa, ControllerFlags flags) => new()
    {
        Name = hpa.Name,
        Workload = new WorkloadModel { CapacityPerPod = hpa.TargetAverageValue, InitialReplicas = hpa.InitialReplicas },
        Hpa = new HpaModel
        {
            MinReplicas = hpa.MinReplicas,
            MaxReplicas = hpa.MaxReplicas,
            Profile = Profile,
            SyncPeriodSeconds = flags.SyncPeriodSeconds,
            Tolerance = flags.Tolerance,
            DownscaleStabilizationSeconds = flags.DownscaleStabilizationSeconds,
            CpuInitializationPeriodSeconds = flags.CpuInitializationPeriodSeconds,
            InitialReadinessDelaySeconds = flags.InitialReadinessDelaySeconds,
            Metric = new MetricModel { Type = MetricKind.External, AverageValue = Autoscaler.Core.Quantities.Quantity.FromDouble(hpa.TargetAverageValue) },
            Behavior = hpa.Behavior,
        },
    };
}
