using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    [Fact]
    public async Task With_ready_replicas_and_the_controllers_decision_the_report_measures_time_to_capacity()
    {
        // Load 6x from 11:00Z to 13:00Z (12:00-14:00 Paris), about 2,660 then 2,610 at 11:10/11:20; 100 per replica.
        // Ready: 3, then 20 at 11:10 (carries 2,000: still short), 30 at 11:20 (3,000: enough). The controller raised the floor to 30 at 10:50.
        var load = new EventHistory(Start, Start + TimeSpan.FromHours(2), 6);
        var history = new ReplicaHistory(load, (Start.AddHours(-3), 3), (Start.AddMinutes(10), 20), (Start.AddMinutes(20), 30));
        await using var host = await CalendarHost.StartAsync(Now, history);
        host.Rbac.Grant("pm", "shop", "list", "get", "create");
        var pm = await host.ProxiedAsync("pm");
        var created = await pm.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00",
            timeZone = "Europe/Paris", loadKind = "multiplier", loadValue = 2, leadTime = "10m",
        });
        var name = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("event").GetProperty("name").GetString()!;
        await host.Store.PatchStatusAsync("shop", name, JsonNode.Parse("""
            {"decisions": [
              {"time": "2026-12-01T10:50:00Z", "hpa": "checkout", "action": "RaiseFloor", "floor": 30, "previousFloor": 2},
              {"time": "2026-12-01T10:50:00Z", "hpa": "search", "action": "RaiseFloor", "floor": 99}
            ]}
            """)!.AsObject(), CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(2));

        var text = await pm.GetStringAsync(new Uri($"/api/namespaces/shop/events/{name}/report", UriKind.Relative));
        var service = JsonDocument.Parse(text).RootElement.GetProperty("services")[0];
        Assert.Equal(1200, service.GetProperty("timeToCapacitySeconds").GetDouble());
        Assert.Equal(20, service.GetProperty("overloadedMinutes").GetDouble()); // 11:00, 11:05, 11:10, 11:15
        Assert.Equal("ready replicas", service.GetProperty("overloadBasis").GetString());
        Assert.Equal(30, service.GetProperty("floor").GetInt32());
        Assert.Equal(Start.AddMinutes(-10), service.GetProperty("floorRaisedAt").GetDateTimeOffset());
        Assert.Equal(Start.AddMinutes(20), service.GetProperty("floorReadyAt").GetDateTimeOffset());
        Assert.Equal("20m after the start; 30 replicas ready at 11:20Z, 20m after the start", service.GetProperty("timeToCapacity").GetString());
        var peak = service.GetProperty("peakLoad").GetDouble();
        var plannedPeak = service.GetProperty("plannedPeakFloor").GetInt32();
        Assert.Equal(Math.Round(peak / (plannedPeak * 100), 2), service.GetProperty("peakLoadVsPlan").GetDouble());
        Assert.True(service.GetProperty("peakLoadVsPlan").GetDouble() > 1, text); // planned for 2x, got 6x
        Assert.Equal(Math.Ceiling(service.GetProperty("peakMultiplier").GetDouble() * 2) / 2, service.GetProperty("suggestedMultiplier").GetDouble());
    }

    [Fact]
    public async Task Without_a_decision_record_the_planned_floor_and_rise_are_used_and_said()
    {
        var load = new EventHistory(Start, Start + TimeSpan.FromHours(2), 6);
        await using var host = await CalendarHost.StartAsync(Now, new ReplicaHistory(load, (Start.AddHours(-3), 40)));
        host.Rbac.Grant("pm", "shop", "list", "get", "create");
        var pm = await host.ProxiedAsync("pm");
        var created = await pm.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00",
            timeZone = "Europe/Paris", loadKind = "absoluteFloor", loadValue = 12, leadTime = "10m",
        });
        var name = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("event").GetProperty("name").GetString()!;
        host.Time.Advance(TimeSpan.FromDays(2));

        var text = await pm.GetStringAsync(new Uri($"/api/namespaces/shop/events/{name}/report", UriKind.Relative));
        var service = JsonDocument.Parse(text).RootElement.GetProperty("services")[0];
        Assert.Equal(0, service.GetProperty("timeToCapacitySeconds").GetDouble());
        Assert.Equal(0, service.GetProperty("overloadedMinutes").GetDouble());
        Assert.Equal(12, service.GetProperty("floor").GetInt32());
        Assert.Equal(Start.AddMinutes(-10), service.GetProperty("floorRaisedAt").GetDateTimeOffset()); // the plan: lead time 10m
        Assert.Equal(Start.AddMinutes(-10), service.GetProperty("floorReadyAt").GetDateTimeOffset());
        Assert.Contains(service.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("no RaiseFloor decision record", StringComparison.Ordinal));
    }
}
