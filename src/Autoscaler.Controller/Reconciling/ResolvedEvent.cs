using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Controller.Cluster;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

namespace Autoscaler.Controller.Reconciling;

/// <summary>A ScalingEvent checked against the cluster and turned into the planner's calendar terms.</summary>
public sealed record ResolvedEvent
{
    /// <summary>The resource.</summary>
    public required V1Alpha1ScalingEvent Resource { get; init; }

    /// <summary>Problems found; empty when the event is valid.</summary>
    public required IReadOnlyList<InputProblem> Problems { get; init; }

    /// <summary>The target HPAs that exist (all of them when valid).</summary>
    public IReadOnlyList<HpaView> Targets { get; init; } = [];

    /// <summary>The event's windows (first plus repetitions up to until); null when it has problems.</summary>
    public EventSeries? Series { get; init; }

    /// <summary>The first occurrence (start and end resolved to UTC).</summary>
    public PlannedEvent? First => Series?.First;

    /// <summary>The recurring window, when spec.recurrence is set.</summary>
    public RecurringWindow? Recurring => Series?.Recurring;

    /// <summary>No recurring occurrence starts after this (UTC), when spec.recurrence.until is set.</summary>
    public DateTimeOffset? Until => Series?.Until;

    /// <summary>spec.leadTime when it is a duration; null for auto.</summary>
    public TimeSpan? ExplicitLeadTime { get; init; }

    /// <summary>True when spec.cancelled.</summary>
    public bool Cancelled => Resource.Spec.Cancelled == true;

    /// <summary>True when the current generation was approved.</summary>
    public bool Approved =>
        Resource.Status?.ApprovedBy is { Length: > 0 } && Resource.Status.ApprovedGeneration == Resource.Metadata.Generation;

    /// <summary>True when the event's floor may be planned: valid, approved and not cancelled.</summary>
    public bool Plannable => Problems.Count == 0 && Approved && !Cancelled;

    /// <summary>The occurrences overlapping [from, to), first included, none before the first or after until (<see cref="EventSeries.Occurrences"/>).</summary>
    /// <param name="from">Start (UTC).</param>
    /// <param name="to">End (UTC).</param>
    public IReadOnlyList<PlannedEvent> Occurrences(DateTimeOffset from, DateTimeOffset to) => Series is null ? [] : [.. Series.Occurrences(from, to)];
}
