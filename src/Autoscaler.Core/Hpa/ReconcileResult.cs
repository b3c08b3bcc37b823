using Autoscaler.Core.Hpa.Metrics;

namespace Autoscaler.Core.Hpa;

/// <summary>
/// The decision record of one reconcile: what the controller read, proposed, normalised and wrote. The
/// simulator and the live controller log the same record.
/// </summary>
public sealed record ReconcileResult
{
    /// <summary>When the reconcile ran.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary><c>scale.spec.replicas</c> as read (status.currentReplicas).</summary>
    public required int CurrentReplicas { get; init; }

    /// <summary>The new <c>spec.replicas</c>: equal to <see cref="CurrentReplicas"/> when nothing was written.</summary>
    public required int DesiredReplicas { get; init; }

    /// <summary>True when the controller wrote a new replica count (and set lastScaleTime).</summary>
    public required bool Rescaled { get; init; }

    /// <summary>
    /// The value <c>status.desiredReplicas</c> takes, or <c>null</c> when it keeps its previous value
    /// (metrics error).
    /// </summary>
    public int? StatusDesiredReplicas { get; init; }

    /// <summary>Max over the valid metric proposals before normalisation; null when metrics were not evaluated or all failed.</summary>
    public int? ProposedReplicas { get; init; }

    /// <summary>The stabilised value before the rate/min/max rules; null when normalisation did not run.</summary>
    public int? StabilizedReplicas { get; init; }

    /// <summary>One entry per metric spec, in order (empty when metrics were not evaluated).</summary>
    public IReadOnlyList<MetricProposal> Metrics { get; init; } = [];

    /// <summary>Conditions set by this reconcile (conditions not listed were left untouched).</summary>
    public IReadOnlyList<HpaCondition> Conditions { get; init; } = [];

    /// <summary>The error the reconcile reports, if any. Current profile: may be set even when it rescaled up.</summary>
    public string? Error { get; init; }
}
