using Autoscaler.Core.Planning;

namespace Autoscaler.Core.Decisions;

/// <summary>
/// One planner step, explained: the same type in the simulator, the controller and the calendar preview.
/// Times are UTC; replica counts are whole pods; loads are in the metric's units.
/// </summary>
public sealed record DecisionRecord
{
    /// <summary>When the step ran.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Observe, Recommend or Auto.</summary>
    public required PlanningMode Mode { get; init; }

    /// <summary>How the floor reaches the HPA.</summary>
    public required FloorActuation Actuation { get; init; }

    /// <summary>The floor the plan holds (null: none, the HPA decides).</summary>
    public int? Floor { get; init; }

    /// <summary>What the actuator was told to hold (null in Observe and Recommend, or when there is no floor).</summary>
    public int? AppliedFloor { get; init; }

    /// <summary>The floor before bounds (maxReplicas, maxFloor, maxStepUp); equals <see cref="Floor"/> when no bound bit.</summary>
    public int WantedFloor { get; init; }

    /// <summary>
    /// The forecast-driven floor the trust gate withheld at this step (auto, forecast not trusted:
    /// <see cref="Forecasting.Accuracy.TrustGate.Decide"/>), recommended only; null when nothing was withheld.
    /// </summary>
    public int? WithheldFloor { get; init; }

    /// <summary>What decided the floor.</summary>
    public required DecisionReason Reason { get; init; }

    /// <summary>In words: which event, which quantile, which bound, and the numbers.</summary>
    public required string Detail { get; init; }

    /// <summary>The event that set the floor (kind@start), if any.</summary>
    public string? Event { get; init; }

    /// <summary>Whether the event's load was the calendar's guess or learned from history.</summary>
    public UpliftSource Uplift { get; init; }

    /// <summary>"Normal" load the event's multiplier or bump applied to, if used.</summary>
    public double? Normal { get; init; }

    /// <summary>How normal was obtained ("forecast p50 without the event" or "same time one week earlier").</summary>
    public string? NormalSource { get; init; }

    /// <summary>The lead time used.</summary>
    public required TimeSpan LeadTime { get; init; }

    /// <summary>How the lead time was computed.</summary>
    public required string LeadTimeSource { get; init; }

    /// <summary>HPA minReplicas, maxReplicas and current replicas at the step.</summary>
    public required int HpaMinReplicas { get; init; }

    /// <summary>HPA maxReplicas at the step.</summary>
    public required int HpaMaxReplicas { get; init; }

    /// <summary>Current replicas at the step.</summary>
    public required int CurrentReplicas { get; init; }

    /// <summary>Forecast model and origin, or null when no forecast was available.</summary>
    public string? Forecast { get; init; }

    /// <summary>Quantile provisioned to.</summary>
    public double Quantile { get; init; }

    /// <summary>Headroom over the quantile.</summary>
    public double Headroom { get; init; }

    /// <summary>The capacity model, in words.</summary>
    public string? Capacity { get; init; }

    /// <summary>What the step did or would have done in each mode (the same in all three; only Auto acts).</summary>
    public required string Action { get; init; }
}
