using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Calendar.Tests.Fakes;

namespace Autoscaler.Calendar.Tests.Preview;

public sealed class PreviewApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_preview_plans_a_floor_ready_before_the_start_from_the_forecast_and_the_multiplier()
    {
        await using var host = await CalendarHost.StartAsync(Now, new InMemoryHistory(400, 200));
        host.Rbac.Grant("pm", "shop", "list");
        var pm = await host.ProxiedAsync("pm");
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/preview", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00",
            timeZone = "Europe/Paris", loadKind = "multiplier", loadValue = 8, leadTime = "10m",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var service = JsonDocument.Parse(text).RootElement.GetProperty("services")[0];
        Assert.Equal("ready by 11:50 for a 12:00 start", service.GetProperty("readyBy").GetString());
        var points = service.GetProperty("points").EnumerateArray().ToList();
        var start = new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);
        int FloorAt(DateTimeOffset t) => points.Single(p => p.GetProperty("time").GetDateTimeOffset() == t).GetProperty("floor").GetInt32();

        // Normal load at 11:00-13:00 UTC is 400 + 200 sin(...) ≈ 540-600; x8 with 10 % headroom over 100 per replica ≈ 48+: capped at maxReplicas 40.
        Assert.Equal(40, FloorAt(start));
        Assert.Equal(40, FloorAt(start - TimeSpan.FromMinutes(10)));
        Assert.Equal(0, FloorAt(start - TimeSpan.FromMinutes(20)));
        Assert.Equal(0, FloorAt(start + TimeSpan.FromHours(2)));
        Assert.Equal(40, service.GetProperty("peakFloor").GetInt32());
        Assert.True(service.GetProperty("extraPodHours").GetDouble() > 0);
        Assert.NotEmpty(service.GetProperty("recent").EnumerateArray());
        Assert.True(points[0].GetProperty("p50").GetDouble() > 100, "a forecast p50 is charted");
    }

    [Fact]
    public async Task The_chart_points_fall_on_round_instants_of_the_step_when_now_is_not_round()
    {
        // Regression (new user's trial): the points were now plus steps, e.g. 16:08:40.1159452Z, 16:13:40.1159452Z ...
        var now = new DateTimeOffset(2026, 11, 30, 16, 8, 40, TimeSpan.Zero) + TimeSpan.FromTicks(1_159_452);
        await using var host = await CalendarHost.StartAsync(now, new InMemoryHistory(400, 200));
        host.Rbac.Grant("pm", "shop", "list");
        var pm = await host.ProxiedAsync("pm");
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/preview", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00",
            timeZone = "Europe/Paris", loadKind = "multiplier", loadValue = 8, leadTime = "10m",
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var service = JsonDocument.Parse(text).RootElement.GetProperty("services")[0];
        var times = service.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("time").GetDateTimeOffset()).ToList();

        Assert.NotEmpty(times);
        var step = times[1] - times[0];
        Assert.Equal(TimeSpan.FromMinutes(5), step);
        Assert.All(times, t => Assert.Equal(0, (t - DateTimeOffset.UnixEpoch).Ticks % step.Ticks));
        Assert.All(service.GetProperty("recent").EnumerateArray(), p => Assert.Equal(0, (p.GetProperty("time").GetDateTimeOffset() - DateTimeOffset.UnixEpoch).Ticks % step.Ticks));
        var start = new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);
        Assert.Equal(40, service.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("time").GetDateTimeOffset() == start - TimeSpan.FromMinutes(10)).GetProperty("floor").GetInt32());
        Assert.True(service.GetProperty("points")[0].GetProperty("p50").GetDouble() > 100, "the forecast is read at the round instants too");
    }

    [Theory]
    [InlineData("auto", "auto (the preview assumes 5m; the controller measures pod start-up)", "ready by 11:55 for a 12:00 start")]
    [InlineData("10m", "explicit 10m", "ready by 11:50 for a 12:00 start")]
    public async Task The_lead_time_shown_says_auto_when_the_user_wrote_auto(string leadTime, string shown, string readyBy)
    {
        // Regression: leadTime auto was shown as "lead time explicit 5m" (the calendar's default dressed as the user's choice).
        await using var host = await CalendarHost.StartAsync(Now, new InMemoryHistory(400, 200));
        host.Rbac.Grant("pm", "shop", "list");
        var pm = await host.ProxiedAsync("pm");
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/preview", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00",
            timeZone = "Europe/Paris", loadKind = "absoluteFloor", loadValue = 12, leadTime,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var service = JsonDocument.Parse(text).RootElement.GetProperty("services")[0];
        Assert.Equal(shown, service.GetProperty("leadTime").GetString());
        Assert.Equal(readyBy, service.GetProperty("readyBy").GetString());
    }

    [Fact]
    public async Task An_overlapping_event_is_planned_together_so_the_preview_shows_the_combined_floor()
    {
        await using var host = await CalendarHost.StartAsync(Now, new InMemoryHistory(400, 200));
        host.Rbac.Grant("pm", "shop", "list", "create");
        var pm = await host.ProxiedAsync("pm");
        (await pm.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Morning launch", services = new[] { "checkout" }, start = "2026-12-01T11:00", end = "2026-12-01T13:00",
            timeZone = "Europe/Paris", loadKind = "absoluteFloor", loadValue = 30, leadTime = "10m",
        })).EnsureSuccessStatusCode();
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/preview", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00",
            timeZone = "Europe/Paris", loadKind = "absoluteFloor", loadValue = 12, leadTime = "10m",
        });
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("Morning launch", root.GetProperty("warnings").GetProperty("start")[0].GetString(), StringComparison.Ordinal);
        var points = root.GetProperty("services")[0].GetProperty("points").EnumerateArray()
            .ToDictionary(p => p.GetProperty("time").GetDateTimeOffset(), p => p.GetProperty("floor").GetInt32());
        Assert.Equal(30, points[new DateTimeOffset(2026, 12, 1, 11, 30, 0, TimeSpan.Zero)]); // both in force: the larger floor
        Assert.Equal(12, points[new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero)]); // only the new event
        Assert.Equal(0, points[new DateTimeOffset(2026, 12, 1, 13, 30, 0, TimeSpan.Zero)]);
    }

    [Fact]
    public async Task An_invalid_form_gets_field_errors_not_a_preview()
    {
        await using var host = await CalendarHost.StartAsync(Now);
        host.Rbac.Grant("pm", "shop", "list");
        var pm = await host.ProxiedAsync("pm");
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/preview", new { title = "x", services = new[] { "checkout" }, start = "2027-03-28T02:30", end = "2027-03-28T04:00", timeZone = "Europe/Paris", loadKind = "multiplier", loadValue = 2 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("DST gap", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
