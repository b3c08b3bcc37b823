using Autoscaler.Controller.Reconciling;
using Autoscaler.Core.Control;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;

namespace Autoscaler.Controller.History;

/// <summary>
/// Picks a policy's <see cref="IHistorySource"/>: Prometheus (spec.history.prometheus, the URL from the spec or
/// --prometheus-url), or the metrics adapter's push store (spec.history.adapterMetric, the URL from --adapter-url). Both
/// are read by the one query_range client, <see cref="PrometheusRangeHistory"/>: the adapter serves the Prometheus API
/// shape under <c>/history/namespaces/{namespace}/</c>, always the policy's own namespace (a policy never reads another
/// namespace's history; the adapter authorizes the controller's token for <c>get pushedmetrics</c> there).
/// </summary>
public sealed class HistorySources
{
    private readonly HttpClient _http;
    private readonly Uri? _defaultPrometheus;
    private readonly HttpClient? _adapterHttp;
    private readonly Uri? _adapterUrl;

    /// <summary>Creates the factory without an adapter.</summary>
    /// <param name="http">Shared HTTP client.</param>
    /// <param name="defaultPrometheus">--prometheus-url, or null.</param>
    public HistorySources(HttpClient http, Uri? defaultPrometheus)
        : this(http, defaultPrometheus, null, null)
    {
    }

    /// <summary>Creates the factory.</summary>
    /// <param name="http">Shared HTTP client for Prometheus.</param>
    /// <param name="defaultPrometheus">--prometheus-url, or null.</param>
    /// <param name="adapterHttp">Client for the adapter (its CA and bearer token, <see cref="AdapterHttpClient"/>), or null.</param>
    /// <param name="adapterUrl">--adapter-url, or null.</param>
    public HistorySources(HttpClient http, Uri? defaultPrometheus, HttpClient? adapterHttp, Uri? adapterUrl)
    {
        _http = http;
        _defaultPrometheus = defaultPrometheus;
        _adapterHttp = adapterHttp;
        _adapterUrl = adapterUrl is null ? null : new Uri(adapterUrl.AbsoluteUri.EndsWith('/') ? adapterUrl.AbsoluteUri : adapterUrl.AbsoluteUri + "/");
    }

    /// <summary>
    /// The metrics pipeline's delay (the controller's <c>--metric-delay</c>; default zero here): history points whose step
    /// ended less than this before the read are not read, as the simulator drops the last <c>hpa.metric.delaySeconds</c>
    /// of its trace, so the same delay gives the same history grid in both hosts.
    /// </summary>
    public TimeSpan MetricDelay { get; init; }

    /// <summary>
    /// The controller's sources from its options: <c>--prometheus-url</c>, <c>--adapter-url</c> and <c>--metric-delay</c>
    /// (the composition root's one call, so the flags' wiring is unit tested).
    /// </summary>
    /// <param name="options">Validated options.</param>
    /// <param name="http">Client for Prometheus.</param>
    /// <param name="adapterHttp">Client for the adapter (<see cref="AdapterHttpClient"/>), or null without --adapter-url.</param>
    public static HistorySources From(Hosting.ControllerOptions options, HttpClient http, HttpClient? adapterHttp)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HistorySources(http, options.PrometheusUrl, adapterHttp, options.AdapterUrl) { MetricDelay = options.MetricDelay };
    }

    /// <summary>No history anywhere (tests, and targets without a policy).</summary>
    public static HistorySources None { get; } = new(new HttpClient(), null);

    /// <summary>The source of a policy, and why there is none when there is none.</summary>
    /// <param name="policy">The policy, or null.</param>
    public (IHistorySource Source, string? Missing) For(ResolvedPolicy? policy)
    {
        var history = policy?.Resource.Spec.History;
        if (history?.Prometheus is { } prometheus)
        {
            var url = prometheus.Url is { Length: > 0 } text ? new Uri(text.EndsWith('/') ? text : text + "/") : _defaultPrometheus;
            if (url is null)
            {
                return (NoHistory.Instance, "spec.history.prometheus.url is empty and the controller runs without --prometheus-url");
            }

            return (new PrometheusRangeHistory(_http, url, prometheus.Query, Step(prometheus.Step, TimeSpan.FromMinutes(5)), MetricDelay), null);
        }

        if (history?.AdapterMetric is { } metric)
        {
            if (_adapterUrl is null || _adapterHttp is null)
            {
                return (NoHistory.Instance, "spec.history.adapterMetric needs the metrics adapter's URL: the controller runs without --adapter-url");
            }

            var ns = policy!.Resource.Metadata.NamespaceProperty;
            var baseUrl = new Uri(_adapterUrl, $"history/namespaces/{Uri.EscapeDataString(ns)}/");
            return (new PrometheusRangeHistory(_adapterHttp, baseUrl, AdapterSelector.For(metric), Step(metric.Step, TimeSpan.FromMinutes(1)), MetricDelay), null);
        }

        return (NoHistory.Instance, policy is null ? null : "no history source");
    }

    private static TimeSpan Step(string? text, TimeSpan fallback) =>
        text is not null && DurationParser.TryParse(text, out var parsed, out _) && parsed > TimeSpan.Zero ? parsed : fallback;
}
