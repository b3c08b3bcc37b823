using Autoscaler.Controller.Reconciling;
using Autoscaler.Core.Control;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;

namespace Autoscaler.Controller.History;

/// <summary>
/// Picks a policy's <see cref="IHistorySource"/>: Prometheus (spec.history.prometheus, the URL from the spec or
/// --prometheus-url); the adapter's push store is not reachable from the controller yet, so it yields no history.
/// </summary>
public sealed class HistorySources
{
    private readonly HttpClient _http;
    private readonly Uri? _defaultPrometheus;

    /// <summary>Creates the factory.</summary>
    /// <param name="http">Shared HTTP client.</param>
    /// <param name="defaultPrometheus">--prometheus-url, or null.</param>
    public HistorySources(HttpClient http, Uri? defaultPrometheus)
    {
        _http = http;
        _defaultPrometheus = defaultPrometheus;
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

            var step = prometheus.Step is { } s && DurationParser.TryParse(s, out var parsed, out _) ? parsed : TimeSpan.FromMinutes(5);
            return (new PrometheusRangeHistory(_http, url, prometheus.Query, step), null);
        }

        return history?.AdapterMetric is not null
            ? (NoHistory.Instance, "history from the adapter's push store is not wired into the controller yet (use spec.history.prometheus)")
            : (NoHistory.Instance, policy is null ? null : "no history source");
    }
}
