using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Tests.Telemetry;

public sealed partial class MetricsExpositionTests
{
    [Fact]
    public async Task MetricsEndpointReportsRequestsInTextFormat()
    {
        await using var host = await AdapterTestHost.StartAsync();
        await host.AsAdminAsync("/apis/external.metrics.k8s.io/v1beta1/namespaces/default/nope");
        await host.AsAdminAsync("/apis/external.metrics.k8s.io/v1beta1");

        var r = await host.AsAdminAsync("/metrics");

        Assert.Equal(200, r.Status);
        Assert.StartsWith("text/plain; version=0.0.4", r.ContentType, StringComparison.Ordinal);
        Assert.Contains("# TYPE adapter_requests_total counter\n", r.Body, StringComparison.Ordinal);
        Assert.Matches("adapter_requests_total\\{code=\"404\",route=\"external\"\\} [1-9]", r.Body);
        Assert.Contains("# TYPE adapter_request_duration_seconds histogram\n", r.Body, StringComparison.Ordinal);
        Assert.Contains("adapter_source_healthy{source=\"memory\"} 1\n", r.Body, StringComparison.Ordinal);
        Assert.Contains("adapter_request_duration_seconds_bucket{route=\"discovery\",le=\"+Inf\"}", r.Body, StringComparison.Ordinal);
        Assert.Contains("adapter_request_duration_seconds_bucket{route=\"discovery\",le=\"0.0005\"}", r.Body, StringComparison.Ordinal);
        AssertWellFormed(r.Body);
    }

    [Fact]
    public async Task MetricsEndpointRefusesOtherMethods()
    {
        await using var host = await AdapterTestHost.StartAsync();

        var r = await host.AsAdminAsync("/metrics", method: "POST");

        Assert.Equal(405, r.Status);
    }

    [Fact]
    public async Task HostsInOneProcessKeepSeparateSeries()
    {
        await using var first = await AdapterTestHost.StartAsync();
        await using var second = await AdapterTestHost.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await first.AsAdminAsync("/apis/external.metrics.k8s.io/v1beta1/namespaces/default/nope");
        }

        var text = (await second.AsAdminAsync("/metrics")).Body;

        Assert.DoesNotContain("route=\"external\"", text, StringComparison.Ordinal);
        Assert.Contains("adapter_requests_total{code=\"404\",route=\"external\"} 3\n", (await first.AsAdminAsync("/metrics")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceCountersOnTheHostsMetersAreExportedAsCounters()
    {
        await using var host = await AdapterTestHost.StartAsync();
        await using var other = await AdapterTestHost.StartAsync();
        var meter = host.App.Services.GetRequiredService<IMeterFactory>().Create(new MeterOptions("Autoscaler.MetricsAdapter.Test"));
        var counter = meter.CreateCounter<long>("adapter_test_events_total", description: "Events.");
        counter.Add(2, new("rule", "r\"1"), new("error_type", "bad_data"));
        counter.Add(3, new("rule", "r\"1"), new("error_type", "bad_data"));
        using var unscoped = new Meter("Autoscaler.MetricsAdapter.Test");
        unscoped.CreateCounter<long>("adapter_test_events_total").Add(100, new KeyValuePair<string, object?>("rule", "x"));

        var text = (await host.AsAdminAsync("/metrics")).Body;

        Assert.Contains("# TYPE adapter_test_events_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("adapter_test_events_total{error_type=\"bad_data\",rule=\"r\\\"1\"} 5\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rule=\"x\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("adapter_test_events_total", (await other.AsAdminAsync("/metrics")).Body, StringComparison.Ordinal);
        AssertWellFormed(text);
    }

    /// <summary>Structural checks of the 0.0.4 format; the e2e suite also runs Prometheus' own promtool on a live scrape.</summary>
    private static void AssertWellFormed(string text)
    {
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var typed = new HashSet<string>();
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                Assert.True(typed.Add(line.Split(' ')[2]), $"duplicate TYPE: {line}");
                continue;
            }

            if (!line.StartsWith('#'))
            {
                Assert.Matches(SampleLine(), line);
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\.)*\",?)*\\})? [-+0-9.eEInfNa]+$")]
    private static partial Regex SampleLine();
}
