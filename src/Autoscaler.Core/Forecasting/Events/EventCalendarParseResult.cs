using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Forecasting.Events;

/// <summary>The outcome of parsing an event calendar: the events when usable, and every diagnostic.</summary>
/// <param name="Events">The events in start order; null when there was an error.</param>
/// <param name="Diagnostics">Errors and warnings (unused columns) with source, line and field.</param>
public sealed record EventCalendarParseResult(IReadOnlyList<ScheduledEvent>? Events, IReadOnlyList<TraceDiagnostic> Diagnostics)
{
    /// <summary>True when the calendar is usable.</summary>
    public bool Succeeded => Events is not null;
}
