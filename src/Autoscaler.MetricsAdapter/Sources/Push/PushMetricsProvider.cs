using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Storage;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>Serves pushed samples as external metrics: the newest point (not stamped later than now) of each matching
/// series, if fresh. Metric names match case-insensitively, because the HPA lower-cases the names it asks for.</summary>
internal sealed class PushMetricsProvider(ISampleStore store, IOptions<StalenessOptions> staleness, TimeProvider time)
    : IExternalMetricsProvider, IMetricSourceHealth
{
    public string SourceName => "push";

    public SourceHealth GetHealth() => SourceHealth.Ok;

    public ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ExternalMetricInfo>>(
            store.MetricNames().Select(m => m.Name).Distinct(StringComparer.Ordinal).Select(n => new ExternalMetricInfo(n)).ToArray());

    public ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Get(query));

    private MetricResult<IReadOnlyList<ExternalMetricValue>> Get(ExternalMetricQuery query)
    {
        var series = store.Latest(query.Namespace, query.Metric, query.Selector.Matches);
        if (series.Select(s => s.Name).Distinct(StringComparer.Ordinal).Take(2).Count() > 1)
        {
            return MetricError.Configuration(
                $"metric {query.Metric} in namespace {query.Namespace} was pushed under names differing only by case " +
                $"({string.Join(", ", series.Select(s => s.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}); " +
                "the HPA asks in lower case, so they cannot be told apart: push one spelling");
        }

        if (series.Count == 0)
        {
            return store.MetricNames().Any(m => m.Namespace == query.Namespace && string.Equals(m.Name, query.Metric, StringComparison.OrdinalIgnoreCase))
                ? MetricError.NoValue($"no pushed series of {query.Metric} in namespace {query.Namespace} matches selector \"{query.Selector}\"")
                : MetricError.NotFound($"no samples of {query.Metric} were pushed to namespace {query.Namespace}");
        }

        var now = time.GetUtcNow();
        var options = staleness.Value;
        var fresh = new List<ExternalMetricValue>(series.Count);
        foreach (var s in series)
        {
            var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(s.TimestampUnixMs);
            if (options.IsFresh(timestamp, now))
            {
                fresh.Add(new ExternalMetricValue(s.Name, s.Labels, timestamp, null, Quantity.FromDouble(s.Value)));
            }
        }

        if (fresh.Count == 0)
        {
            var newest = DateTimeOffset.FromUnixTimeMilliseconds(series.Max(s => s.TimestampUnixMs));
            return MetricError.Stale(
                $"the newest pushed sample of {query.Metric} in namespace {query.Namespace} is from {newest:yyyy-MM-ddTHH:mm:ssZ}, " +
                $"{(now - newest).TotalSeconds:0} s old; values older than {options.MaxAge.TotalSeconds:0} s are not served");
        }

        return fresh;
    }
}
