using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Calendar.Tests.Fakes;

namespace Autoscaler.Calendar.Tests.Preview;

public sealed class ReportApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(8.0, 0.0)]
    [InlineData(2.0, 120.0)]
    public async Task After_the_event_the_report_compares_the_load_with_the_plan_and_suggests_a_multiplier(double stated, double overloadedMinutes)
    {
        // The load really was 6x its usual level from 12:00 to 14:00 Paris time.
        await using var host = await CalendarHost.StartAsync(Now, new EventHistory(Start, Start + TimeSpan.FromHours(2), 6));
        host.Rbac.Grant("pm", "shop", "list", "get", "create");
        var pm = await host.ProxiedAsync("pm");
        var created = await pm.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00",
            timeZone = "Europe/Paris", loadKind = "multiplier", loadValue = stated, leadTime = "10m",
        });
        var name = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("event").GetProperty("name").GetString();

        Assert.Equal(HttpStatusCode.Conflict, (await pm.GetAsync(new Uri($"/api/namespaces/shop/events/{name}/report", UriKind.Relative))).StatusCode);
        host.Time.Advance(TimeSpan.FromDays(2));
        var response = await pm.GetAsync(new Uri($"/api/namespaces/shop/events/{name}/report", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var service = JsonDocument.Parse(text).RootElement.GetProperty("services")[0];
        Assert.Equal(6.0, service.GetProperty("windowMultiplier").GetDouble());
        var peakX = service.GetProperty("peakMultiplier").GetDouble();
        Assert.InRange(peakX, 6.0, 7.0);
        Assert.Equal(Math.Ceiling(peakX * 2) / 2, service.GetProperty("suggestedMultiplier").GetDouble());
        Assert.Equal(overloadedMinutes, service.GetProperty("overloadedMinutes").GetDouble());
        Assert.StartsWith("not measured", service.GetProperty("timeToCapacity").GetString(), StringComparison.Ordinal);
    }
}
