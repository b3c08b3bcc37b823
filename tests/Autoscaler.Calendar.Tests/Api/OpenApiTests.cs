using System.Text.Json;
using Autoscaler.Calendar.Tests.Fakes;
using Microsoft.AspNetCore.TestHost;

namespace Autoscaler.Calendar.Tests.Api;

public sealed class OpenApiTests
{
    [Fact]
    public async Task The_openapi_document_lists_every_calendar_route()
    {
        await using var host = await CalendarHost.StartAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var doc = JsonDocument.Parse(await host.App.GetTestClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var route in new[]
        {
            "/api/namespaces/{ns}/events", "/api/namespaces/{ns}/events/{name}", "/api/namespaces/{ns}/events/{name}/approve",
            "/api/namespaces/{ns}/events/{name}/reject", "/api/namespaces/{ns}/events/{name}/cancel", "/api/namespaces/{ns}/preview",
            "/api/namespaces/{ns}/workloads", "/api/namespaces/{ns}/events.ics", "/api/namespaces/{ns}/import",
            "/api/namespaces/{ns}/events/{name}/report", "/api/me",
        })
        {
            Assert.Contains(route, paths);
        }
    }
}
