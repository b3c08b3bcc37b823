namespace Autoscaler.Core.Planning;

/// <summary>
/// One occurrence of a scheduled event, resolved to UTC instants (see <see cref="Calendar.EventCalendar"/> for
/// local times, time zones and recurrence).
/// </summary>
/// <param name="Start">Start (UTC); capacity must be ready by then.</param>
/// <param name="End">End (UTC), after <paramref name="Start"/>; the event's floor ends here.</param>
/// <param name="Kind">Events of one kind share a learned uplift.</param>
/// <param name="Expected">The product manager's guess, or null (then only a learned uplift can apply).</param>
public sealed record PlannedEvent(DateTimeOffset Start, DateTimeOffset End, string Kind, ExpectedLoad? Expected)
{
    /// <summary>Ramp steps before the start, any order; empty for none.</summary>
    public IReadOnlyList<RampStep> Ramp { get; init; } = [];

    /// <summary>Free text (for example the teams of a match).</summary>
    public string? Description { get; init; }

    /// <summary>The earliest instant any ramp step covers (the start when there is no ramp).</summary>
    public DateTimeOffset RampStart => Ramp.Count == 0 ? Start : Start - Ramp.Max(r => r.BeforeStart);

    /// <summary>Share of the uplift in force at <paramref name="time"/>: 1 inside [start, end), a ramp share before, 0 otherwise.</summary>
    public double ShareAt(DateTimeOffset time)
    {
        if (time >= End) return 0;
        if (time >= Start) return 1;
        var share = 0.0;
        foreach (var step in Ramp)
        {
            if (time >= Start - step.BeforeStart) share = Math.Max(share, step.Share);
        }

        return share;
    }

    /// <summary>A short label: kind, start and description.</summary>
    public string Label => FormattableString.Invariant($"{Kind}@{Start.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}") + (Description is { Length: > 0 } d ? $" ({d})" : string.Empty);
}
