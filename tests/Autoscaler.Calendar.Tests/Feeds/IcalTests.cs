using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Autoscaler.Calendar.Feeds;
using Autoscaler.Calendar.Tests.Fakes;

namespace Autoscaler.Calendar.Tests.Feeds;

public sealed class IcalTests
{
    [Fact]
    public async Task The_feed_has_one_vevent_per_event_in_utc_with_its_state()
    {
        await using var host = await CalendarHost.StartAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        host.Rbac.Grant("pm", "shop", "list", "create");
        var pm = await host.ProxiedAsync("pm");
        (await pm.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00", timeZone = "Europe/Paris", loadKind = "multiplier", loadValue = 8,
        })).EnsureSuccessStatusCode();
        var feed = await pm.GetStringAsync(new Uri("/api/namespaces/shop/events.ics", UriKind.Relative));
        Assert.Contains("BEGIN:VEVENT", feed, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Spring sale [Proposed]", feed, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261201T110000Z", feed, StringComparison.Ordinal);
        Assert.Contains("STATUS:TENTATIVE", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_reads_events_in_their_iana_zone()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1@test\r\nSUMMARY:Summer sale\r\nDTSTART;TZID=Europe/Paris:20270601T090000\r\nDTEND;TZID=Europe/Paris:20270601T180000\r\nDESCRIPTION:marketing\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2@test\r\nSUMMARY:Launch\r\nDTSTART:20270701T100000Z\r\nDTEND:20270701T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var drafts = IcalImport.Read(ics, new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), out var error);
        Assert.True(drafts is not null, error);
        Assert.Equal(2, drafts.Count);
        Assert.Equal(new ImportedEvent("Summer sale", "2027-06-01T09:00", "2027-06-01T18:00", "Europe/Paris", "marketing", null), drafts[0]);
        Assert.Equal("2027-07-01T10:00", drafts[1].Start);
        Assert.Equal("UTC", drafts[1].TimeZone);
    }

    [Fact]
    public void Import_of_garbage_says_so()
    {
        Assert.Null(IcalImport.Read("hello", DateTimeOffset.UnixEpoch, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task The_import_endpoint_returns_drafts_and_saves_nothing()
    {
        await using var host = await CalendarHost.StartAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        host.Rbac.Grant("pm", "shop", "create");
        var pm = await host.ProxiedAsync("pm");
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:1@t\r\nSUMMARY:Sale\r\nDTSTART:20270101T100000Z\r\nDTEND:20270101T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var response = await pm.PostAsync(new Uri("/api/namespaces/shop/import", UriKind.Relative), new StringContent(ics, Encoding.UTF8, "text/calendar"));
        response.EnsureSuccessStatusCode();
        var drafts = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Sale", drafts[0].GetProperty("title").GetString());
        Assert.Equal(0, host.Store.Count);
    }
}
