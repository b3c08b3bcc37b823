namespace Autoscaler.Calendar.Feeds;

/// <summary>A draft read from an .ics file: the user picks services and load, then saves it through the normal form.</summary>
/// <param name="Title">SUMMARY.</param>
/// <param name="Start">Local start (yyyy-MM-ddTHH:mm) in <paramref name="TimeZone"/>.</param>
/// <param name="End">Local end.</param>
/// <param name="TimeZone">The event's TZID when it is an IANA zone, else UTC (times converted).</param>
/// <param name="Note">DESCRIPTION.</param>
/// <param name="Recurrence">The RRULE as text when this draft is one occurrence of a repeating VEVENT (each occurrence is its own draft).</param>
public sealed record ImportedEvent(string Title, string Start, string End, string TimeZone, string? Note, string? Recurrence);
