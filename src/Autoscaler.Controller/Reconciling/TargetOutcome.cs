using Autoscaler.Controller.Actuation;
using Autoscaler.Controller.Cluster;
using Autoscaler.Core.Planning;

namespace Autoscaler.Controller.Reconciling;

/// <summary>What one pass decided and did for one HPA; the statuses are written from it.</summary>
public sealed record TargetOutcome
{
    /// <summary>The HPA at the start of the pass.</summary>
    public required HpaView Hpa { get; init; }

    /// <summary>The acting step's result (events, and the policy when it acts).</summary>
    public PlanResult? Acting { get; init; }

    /// <summary>
    /// The policy's observing step result when the policy does not act (observe/recommend), or, while the trust gate
    /// withholds its forecast, the acting step's <see cref="Core.Control.PreScaleStep.Recommendation"/>.
    /// </summary>
    public PlanResult? Observing { get; init; }

    /// <summary>True when the trust gate withheld the policy's forecast floors in this pass (Core's split ran).</summary>
    public bool ForecastWithheld { get; init; }

    /// <summary>What the actuator did.</summary>
    public ActuationResult Actuation { get; init; }

    /// <summary>The conflict message, when Actuation is Conflict.</summary>
    public string? Conflict { get; init; }

    /// <summary>The floor held after the pass.</summary>
    public int? HeldFloor { get; init; }

    /// <summary>The owner's minReplicas.</summary>
    public int OriginalMinReplicas { get; init; }

    /// <summary>The lead time used.</summary>
    public required LeadTime LeadTime { get; init; }

    /// <summary>Spec, MeasuredPods or Default.</summary>
    public required string LeadTimeSource { get; init; }

    /// <summary>Why the policy has no history source, when it has none.</summary>
    public string? HistoryNote { get; init; }

    /// <summary>The trust gate's verdict from the forecasting step's last refit, when it scored one.</summary>
    public Core.Forecasting.Accuracy.AccuracyVerdict? Accuracy { get; init; }

    /// <summary>An unexpected failure of this target's pass (the others went on).</summary>
    public string? Failure { get; init; }

    /// <summary>True while the policy's forecast waits for its first fit (the refit budget, a cold start, or failed reads).</summary>
    public bool ForecastPending { get; init; }

    /// <summary>The policy's failed history reads since its last fit (Core's step backs off between them), or null.</summary>
    public Core.Control.HistoryReadFailure? HistoryFailure { get; init; }
}
