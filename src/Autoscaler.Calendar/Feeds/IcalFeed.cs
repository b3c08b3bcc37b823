using Autoscaler.Calendar.Api;
using Autoscaler.Calendar.Forms;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Autoscaler.Calendar.Feeds;

/// <summary>Events as an iCalendar (RFC 5545) feed, written by Ical.Net: one VEVENT per window of each event (repetitions get their own UID), in UTC, state in the summary.</summary>
public static class IcalFeed
{
    /// <summary>The feed text for <paramref name="events"/> (events whose times do not resolve are left out).</summary>
    public static string Write(IEnumerable<EventView> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Ical.Net.Calendar { ProductId = "-//autoscaler.dev//calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Autoscaler events");
        foreach (var e in events)
        {
            foreach (var window in e.Occurrences)
            {
                calendar.Events.Add(new CalendarEvent
                {
                    Uid = window.StartUtc == e.StartUtc
                        ? $"{e.Name}.{e.Namespace}@autoscaler.dev"
                        : FormattableString.Invariant($"{e.Name}.{e.Namespace}.{window.StartUtc.UtcDateTime:yyyyMMdd'T'HHmm}@autoscaler.dev"),
                    Summary = $"{e.Title} [{e.State}]",
                    Description = $"{string.Join(", ", e.Services)}: {Load(e)}{(e.Note is { Length: > 0 } n ? "\n" + n : string.Empty)}",
                    DtStart = new CalDateTime(window.StartUtc.UtcDateTime, "UTC"),
                    DtEnd = new CalDateTime(window.EndUtc.UtcDateTime, "UTC"),
                    DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                    Status = e.State is EventState.Cancelled or EventState.Rejected ? EventStatus.Cancelled : e.State == EventState.Proposed ? EventStatus.Tentative : EventStatus.Confirmed,
                    Categories = [e.Kind],
                });
            }
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Load(EventView e) => e.LoadKind switch
    {
        "multiplier" => FormattableString.Invariant($"about {e.LoadValue}x normal load"),
        "bumpPercent" => FormattableString.Invariant($"+{e.LoadValue} % load"),
        _ => FormattableString.Invariant($"at least {e.LoadValue} replicas"),
    };
}
