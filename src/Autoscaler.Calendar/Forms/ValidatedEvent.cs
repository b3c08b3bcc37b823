using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Forms;

/// <summary>The outcome of validating an <see cref="EventForm"/>: field errors (nothing may be saved), warnings, and the resolved event.</summary>
/// <param name="Errors">Per-field errors; empty when the form is valid.</param>
/// <param name="Warnings">Per-field warnings (an overlap must be acknowledged before saving).</param>
/// <param name="Spec">The ScalingEvent spec to write, or null when there are errors.</param>
/// <param name="Start">Resolved start (UTC), when it resolved.</param>
/// <param name="End">Resolved end (UTC), when it resolved.</param>
/// <param name="Overlapping">Names of live events of the same services whose window intersects this one.</param>
/// <param name="OffsetChoices">Per field (start, end): the two offsets of a DST overlap to choose from.</param>
public sealed record ValidatedEvent(
    FieldMessages Errors,
    FieldMessages Warnings,
    ScalingEventSpec? Spec,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    IReadOnlyList<string> Overlapping,
    IReadOnlyDictionary<string, IReadOnlyList<string>> OffsetChoices)
{
    /// <summary>True when it may be saved: no error, and any overlap acknowledged.</summary>
    public bool CanSave(bool acknowledgeOverlap) => Errors.IsEmpty && Spec is not null && (Overlapping.Count == 0 || acknowledgeOverlap);
}
