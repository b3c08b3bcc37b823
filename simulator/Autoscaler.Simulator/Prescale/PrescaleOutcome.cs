using Autoscaler.Core.Decisions;
using Autoscaler.Core.Planning;

namespace Autoscaler.Simulator.Prescale;

/// <summary>What the planner did in a replay, and how the scheduled events went.</summary>
internal sealed record PrescaleOutcome
{
    public required PlanningMode Mode { get; init; }

    public required FloorActuation Actuation { get; init; }

    public required LeadTime LeadTime { get; init; }

    public required string Forecaster { get; init; }

    /// <summary>Minutes during which the planner held (auto) or would have held (observe, recommend) a floor.</summary>
    public required double FloorMinutes { get; init; }

    /// <summary>Pod-hours accrued while a floor was held: the cost of the pre-scaled periods.</summary>
    public required double PrescalePodHours { get; init; }

    /// <summary>Minutes inside the union of event windows.</summary>
    public required double EventMinutes { get; init; }

    /// <summary>Overloaded minutes inside the union of event windows.</summary>
    public required double EventOverloadMinutes { get; init; }

    /// <summary>Pod-hours inside the union of event windows.</summary>
    public required double EventPodHours { get; init; }

    public required IReadOnlyList<EventImpact> Events { get; init; }

    /// <summary>True when the scenario turned the trust gate on (and a forecaster runs).</summary>
    public bool TrustGate { get; init; }

    /// <summary>The gate's rolling window.</summary>
    public TimeSpan TrustWindow { get; init; }

    /// <summary>HPA syncs at which the trust gate withheld a forecast floor (recommended only).</summary>
    public int WithheldSteps { get; init; }

    /// <summary>The gate's verdict at the last refit, in words (null: gate off or nothing scored).</summary>
    public string? LastVerdict { get; init; }

    /// <summary>Whether the last verdict was trusted (null: gate off or nothing scored).</summary>
    public bool? Trusted { get; init; }

    /// <summary>Decision records where the floor, the reason or the event changed.</summary>
    public required IReadOnlyList<DecisionRecord> Decisions { get; init; }
}
