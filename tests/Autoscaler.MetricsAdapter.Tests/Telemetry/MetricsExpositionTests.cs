using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Autoscaler.MetricsAdapter.Telemetry;
using Autoscaler.MetricsAdapter.Tests.TestSupport;

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
        Assert.Equal(PrometheusTextWriter.ContentType, r.ContentType);
        Assert.Contains("# TYPE adapter_requests_total counter\n", r.Body, StringComparison.Ordinal);
        Assert.Matches("adapter_requests_total\\{code=\"404\",route=\"external\"\\} [1-9]", r.Body);
        Assert.Contains("adapter_source_healthy{source=\"memory\"} 1\n", r.Body, StringComparison.Ordinal);
        Assert.Contains("adapter_request_duration_seconds_bucket{route=\"discovery\",le=\"+Inf\"}", r.Body, StringComparison.Ordinal);
        AssertWellFormed(r.Body);
    }

    [Fact]
    public void WriterEscapesAndOrdersHistogramBuckets()
    {
        using var meter = new Meter("Autoscaler.Test.Writer");
        using var aggregator = new MetricAggregator("Autoscaler.Test.Writer");
        var histogram = meter.CreateHistogram<double>("test_latency_seconds", description: "Latency\nwith \\ escapes");
        var counter = meter.CreateCounter<long>("test_events", description: "Events.");
        histogram.Record(0.003, new KeyValuePair<string, object?>("path", "a\"b\\c\nd"));
        histogram.Record(7);
        counter.Add(2, new KeyValuePair<string, object?>("kind.name", "x"));
        counter.Add(3, new KeyValuePair<string, object?>("kind.name", "x"));

        var text = PrometheusTextWriter.Write(aggregator.Collect());

        Assert.Contains("# HELP test_latency_seconds Latency\\nwith \\\\ escapes\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_bucket{path=\"a\\\"b\\\\c\\nd\",le=\"0.0025\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_bucket{path=\"a\\\"b\\\\c\\nd\",le=\"0.005\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_bucket{le=\"5\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_bucket{le=\"10\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("test_latency_seconds_count{le=\"+Inf\"}".Replace("{le=\"+Inf\"}", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains("# TYPE test_events_total counter\ntest_events_total{kind_name=\"x\"} 5\n", text, StringComparison.Ordinal);
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
