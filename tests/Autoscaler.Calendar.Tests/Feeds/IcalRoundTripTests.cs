using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Autoscaler.Calendar.Feeds;
using Autoscaler.Calendar.Tests.Fakes;
using Ical.Net;
using Ical.Net.DataTypes;

namespace Autoscaler.Calendar.Tests.Feeds;

/// <summary>
/// A marketing calendar as calendar apps export it (VTIMEZONE, a weekly RRULE with COUNT across the spring DST change, an
/// EXDATE in the event's TZID, a folded line, escaped commas, an event in another zone) goes through the calendar: import
/// (drafts), save each through the form API, read the iCalendar feed back. The feed's windows are exactly the original's
/// occurrences: as listed by hand, and as Ical.Net expands the original file.
/// </summary>
public sealed class IcalRoundTripTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private const string Marketing = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Marketing//Campaign planner 4.2//EN
        CALSCALE:GREGORIAN
        METHOD:PUBLISH
        X-WR-CALNAME:Campaigns 2027
        X-WR-TIMEZONE:Europe/Paris
        BEGIN:VTIMEZONE
        TZID:Europe/Paris
        X-LIC-LOCATION:Europe/Paris
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        TZNAME:CET
        DTSTART:19701025T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        UID:flash-2027@marketing.example
        DTSTAMP:20261120T090000Z
        DTSTART;TZID=Europe/Paris:20270305T180000
        DTEND;TZID=Europe/Paris:20270305T200000
        RRULE:FREQ=WEEKLY;BYDAY=FR;COUNT=6
        EXDATE;TZID=Europe/Paris:20270319T180000
        SUMMARY:Friday flash sale
        DESCRIPTION:Newsletter\, push notification and homepage banner\; expect abo
         ut 3x checkout traffic
        END:VEVENT
        BEGIN:VEVENT
        UID:us-launch-2027@marketing.example
        DTSTAMP:20261120T090000Z
        DTSTART;TZID=America/New_York:20270316T090000
        DTEND;TZID=America/New_York:20270316T110000
        SUMMARY:US spring launch
        END:VEVENT
        END:VCALENDAR
        """;

    /// <summary>18:00-20:00 Paris is 17:00Z before 2027-03-28 and 16:00Z after; 2027-03-19 is excluded; 09:00 New York is 13:00Z (EDT from 2027-03-14).</summary>
    private static readonly (string Title, DateTime Start, DateTime End)[] Expected =
    [
        ("Friday flash sale", Utc(2027, 3, 5, 17), Utc(2027, 3, 5, 19)),
        ("Friday flash sale", Utc(2027, 3, 12, 17), Utc(2027, 3, 12, 19)),
        ("US spring launch", Utc(2027, 3, 16, 13), Utc(2027, 3, 16, 15)),
        ("Friday flash sale", Utc(2027, 3, 26, 17), Utc(2027, 3, 26, 19)),
        ("Friday flash sale", Utc(2027, 4, 2, 16), Utc(2027, 4, 2, 18)),
        ("Friday flash sale", Utc(2027, 4, 9, 16), Utc(2027, 4, 9, 18)),
    ];

    private static DateTime Utc(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n") + "\r\n";

    [Fact]
    public async Task Import_save_and_feed_keep_every_occurrence_across_dst_without_the_excluded_date()
    {
        await using var host = await CalendarHost.StartAsync(Now);
        host.Rbac.Grant("pm", "shop", "list", "get", "create");
        var pm = await host.ProxiedAsync("pm");
        var imported = await pm.PostAsync(new Uri("/api/namespaces/shop/import", UriKind.Relative), new StringContent(Crlf(Marketing), Encoding.UTF8, "text/calendar"));
        var draftsText = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.IsSuccessStatusCode, draftsText);
        var drafts = JsonSerializer.Deserialize<List<ImportedEvent>>(draftsText, JsonSerializerOptions.Web)!;
        Assert.Equal(6, drafts.Count);
        Assert.Contains(new ImportedEvent("Friday flash sale", "2027-04-02T18:00", "2027-04-02T20:00", "Europe/Paris", "Newsletter, push notification and homepage banner; expect about 3x checkout traffic", "FREQ=WEEKLY;COUNT=6;BYDAY=FR"), drafts);
        Assert.Contains(drafts, d => d is { Title: "US spring launch", Start: "2027-03-16T09:00", TimeZone: "America/New_York", Recurrence: null });
        Assert.DoesNotContain(drafts, d => d.Start.StartsWith("2027-03-19", StringComparison.Ordinal));

        foreach (var d in drafts)
        {
            var saved = await pm.PostAsJsonAsync("/api/namespaces/shop/events", new
            {
                title = d.Title, services = new[] { "checkout" }, start = d.Start, end = d.End, timeZone = d.TimeZone, note = d.Note,
                loadKind = "multiplier", loadValue = 3,
            });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        var feed = Ical.Net.Calendar.Load(await pm.GetStringAsync(new Uri("/api/namespaces/shop/events.ics", UriKind.Relative)))!;
        var windows = feed.Events
            .Select(e => (Title: e.Summary!.Replace(" [Proposed]", string.Empty, StringComparison.Ordinal), Start: e.DtStart!.AsUtc, End: e.DtEnd!.AsUtc))
            .OrderBy(w => w.Start)
            .ToList();
        Assert.Equal(Expected, windows);

        // The same windows as Ical.Net expands the original file.
        var original = Ical.Net.Calendar.Load(Crlf(Marketing))!;
        var occurrences = original.GetOccurrences(new CalDateTime(Now.UtcDateTime, "UTC"))
            .TakeWhileBefore(new CalDateTime(2028, 1, 1, 0, 0, 0, "UTC"))
            .Select(o => (Title: ((Ical.Net.CalendarComponents.CalendarEvent)o.Source).Summary!, Start: o.Period.StartTime.AsUtc, End: o.Period.EffectiveEndTime!.AsUtc))
            .OrderBy(w => w.Start)
            .ToList();
        Assert.Equal(occurrences, windows);
    }
}
