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

    /// <summary>Decision records where the floor, the reason or the event changed.</summary>
    public required IReadOnlyList<DecisionRecord> Decisions { get; init; }
}
