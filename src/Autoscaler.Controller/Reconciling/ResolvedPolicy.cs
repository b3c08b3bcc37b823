using Autoscaler.Controller.Cluster;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

namespace Autoscaler.Controller.Reconciling;

/// <summary>A PredictivePolicy checked against the cluster and mapped to the planner's terms.</summary>
public sealed record ResolvedPolicy
{
    /// <summary>The resource.</summary>
    public required V1Alpha1PredictivePolicy Resource { get; init; }

    /// <summary>Problems found; empty when valid.</summary>
    public required IReadOnlyList<InputProblem> Problems { get; init; }

    /// <summary>The target HPA, when it exists.</summary>
    public HpaView? Hpa { get; init; }

    /// <summary>The mode in force: spec.mode, with auto falling back to recommend while untrusted and recommend acting once approved.</summary>
    public PlanningMode Mode { get; init; }

    /// <summary>Why <see cref="Mode"/> differs from spec.mode, when it does.</summary>
    public string? ModeReason { get; init; }

    /// <summary>
    /// True when spec.mode is auto and the trust gate withholds the forecast (<see cref="Core.Forecasting.Accuracy.TrustGate.Decide"/>
    /// on status.accuracy; not approved): <see cref="Mode"/> is then Recommend for the policy's status, and the target's one
    /// step runs with <see cref="Core.Control.StepRun.WithholdForecastFloors"/> (events act, the forecast only recommends).
    /// </summary>
    public bool ForecastWithheld { get; init; }

    /// <summary>minReplicas or externalMetric.</summary>
    public FloorActuation Actuation { get; init; }

    /// <summary>The forecaster, null when it could not be created.</summary>
    public IForecaster? Forecaster { get; init; }

    /// <summary>Quantile in [0.1, 0.9].</summary>
    public double Quantile { get; init; } = 0.9;

    /// <summary>Headroom as a share (0.1 = +10 %).</summary>
    public double Headroom { get; init; } = 0.1;

    /// <summary>Floor bounds.</summary>
    public SafetyBounds Bounds { get; init; } = SafetyBounds.None;

    /// <summary>The trust gate's rolling window (spec.trustGate.window, 7d by default); null when the gate is disabled.</summary>
    public TimeSpan? TrustWindow { get; init; }

    /// <summary>Exclusion dates.</summary>
    public IReadOnlyList<ExclusionDate> Exclusions { get; init; } = [];

    /// <summary>True when the current generation's recommendation was approved.</summary>
    public bool Approved =>
        Resource.Status?.ApprovedBy is { Length: > 0 } && Resource.Status.ApprovedGeneration == Resource.Metadata.Generation;

    /// <summary>The target's namespace/name.</summary>
    public string TargetKey => Resource.Metadata.NamespaceProperty + "/" + Resource.Spec.TargetRef.Name;
}
