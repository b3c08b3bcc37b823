using System.Collections.Concurrent;
using System.Globalization;
using Autoscaler.MetricsAdapter.Providers;
using Prometheus;

namespace Autoscaler.MetricsAdapter.Telemetry;

/// <summary>
/// The adapter's own metrics on <c>/metrics</c> (prometheus-net, in the host's own
/// <see cref="CollectorRegistry"/>: two hosts in one process never share a series).
/// Names and types: <c>adapter_requests_total{code,route}</c> counter,
/// <c>adapter_request_duration_seconds{route}</c> histogram (seconds), <c>adapter_authentications_total{result}</c>
/// and <c>adapter_authorizations_total{decision}</c> counters, <c>adapter_source_healthy{source}</c> gauge (1/0,
/// read from the sources at scrape time).
/// </summary>
internal sealed class AdapterTelemetry
{
    /// <summary>Meters of this host whose name starts with this are exported too (see <see cref="MeterCounterExport"/>).</summary>
    public const string MeterPrefix = "Autoscaler.";

    /// <summary>Histogram bucket upper bounds in seconds (the Prometheus client defaults extended downwards).</summary>
    public static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter _requests;
    private readonly Histogram _duration;

    // Label children cached per (route, code): the request path stays free of label lookups and allocations.
    private readonly ConcurrentDictionary<(string Route, int Code), Counter.Child> _requestChildren = new();
    private readonly ConcurrentDictionary<string, Histogram.Child> _durationChildren = new(StringComparer.Ordinal);
    private readonly Counter _authentications;
    private readonly ConcurrentDictionary<string, Counter.Child> _authenticationChildren = new(StringComparer.Ordinal);
    private readonly Counter.Child _allowed;
    private readonly Counter.Child _denied;

    /// <param name="sources">The metric sources whose health <c>adapter_source_healthy</c> reports.</param>
    /// <param name="registry">The host's registry (from <c>Metrics.NewCustomRegistry()</c>).</param>
    public AdapterTelemetry(CompositeMetricsProvider sources, CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        _requests = factory.CreateCounter("adapter_requests_total", "HTTP requests served, by route class and status code.", "code", "route");
        _duration = factory.CreateHistogram(
            "adapter_request_duration_seconds", "HTTP request latency in seconds, by route class.", new HistogramConfiguration { LabelNames = ["route"], Buckets = DurationBuckets });
        _authentications = factory.CreateCounter("adapter_authentications_total", "Authentication outcomes: x509, token, failed, anonymous.", "result");
        var authorizations = factory.CreateCounter("adapter_authorizations_total", "Authorization decisions: allowed or denied.", "decision");
        _allowed = authorizations.WithLabels("allowed");
        _denied = authorizations.WithLabels("denied");
        var healthy = factory.CreateGauge("adapter_source_healthy", "1 when the metric source reports healthy, else 0.", "source");
        registry.AddBeforeCollectCallback(() =>
        {
            foreach (var (name, health) in sources.SourceHealth())
            {
                healthy.WithLabels(name).Set(health.Healthy ? 1 : 0);
            }
        });
    }

    /// <summary>Counts one served HTTP request.</summary>
    /// <param name="route">A route class from a small fixed set (external, custom, discovery, health, ...).</param>
    /// <param name="code">The HTTP status code sent.</param>
    /// <param name="seconds">Time from the request's arrival to the end of the response, in seconds.</param>
    public void Request(string route, int code, double seconds)
    {
        _requestChildren.GetOrAdd((route, code), static (key, counter) =>
            counter.WithLabels(key.Code.ToString(CultureInfo.InvariantCulture), key.Route), _requests).Inc();
        _durationChildren.GetOrAdd(route, static (key, histogram) => histogram.WithLabels(key), _duration).Observe(seconds);
    }

    /// <summary>Counts one authentication outcome (x509, token, failed, anonymous).</summary>
    public void Authentication(string result) =>
        _authenticationChildren.GetOrAdd(result, static (key, counter) => counter.WithLabels(key), _authentications).Inc();

    /// <summary>Counts one authorization decision.</summary>
    public void Authorization(bool allowed) => (allowed ? _allowed : _denied).Inc();
}
