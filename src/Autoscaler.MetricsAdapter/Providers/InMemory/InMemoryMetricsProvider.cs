using System.Collections.Concurrent;
using Autoscaler.Core.Quantities;

namespace Autoscaler.MetricsAdapter.Providers.InMemory;

/// <summary>
/// A fake source holding values set by tests and benchmarks. Implements the whole seam, including
/// health, and the same error semantics a real source must honour (unknown metric → NotFound,
/// known metric without matching series → NoValue).
/// </summary>
internal sealed class InMemoryMetricsProvider : IExternalMetricsProvider, ICustomMetricsProvider, IMetricSourceHealth
{
    private readonly ConcurrentDictionary<string, ExternalSeries[]> _external = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(GroupResource Resource, string Metric), ObjectValue[]> _custom = new();
    private volatile SourceHealth _health = SourceHealth.Ok;

    /// <param name="name">The source name reported to readiness.</param>
    public InMemoryMetricsProvider(string name = "in-memory") => SourceName = name;

    public string SourceName { get; }

    /// <summary>Adds or replaces an external series; a null namespace makes it visible from every namespace.</summary>
    public void SetExternal(string metric, IReadOnlyDictionary<string, string> labels, Quantity value, DateTimeOffset timestamp, string? ns = null, TimeSpan? window = null)
    {
        var series = new ExternalSeries(ns, new ExternalMetricValue(metric, labels, timestamp, window, value));
        _external.AddOrUpdate(
            metric,
            _ => [series],
            (_, old) => [.. old.Where(s => s.Namespace != ns || !SameLabels(s.Value.Labels, labels)), series]);
    }

    /// <summary>Declares a metric with no series (so queries answer NoValue rather than NotFound).</summary>
    public void DeclareExternal(string metric) => _external.TryAdd(metric, []);

    /// <summary>Adds or replaces a custom metric value for one object.</summary>
    public void SetCustom(GroupResource resource, bool namespaced, ObjectReference obj, IReadOnlyDictionary<string, string> objectLabels, string metric, Quantity value, DateTimeOffset timestamp, TimeSpan? window = null)
    {
        var entry = new ObjectValue(namespaced, objectLabels, new CustomMetricValue(obj, metric, timestamp, window, value));
        _custom.AddOrUpdate(
            (resource, metric),
            _ => [entry],
            (_, old) => [.. old.Where(o => o.Value.DescribedObject != obj), entry]);
    }

    /// <summary>Sets the health reported to readiness.</summary>
    public void SetHealth(SourceHealth health) => _health = health;

    public SourceHealth GetHealth() => _health;

    public ValueTask<IReadOnlyList<ExternalMetricInfo>> ListExternalMetricsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ExternalMetricInfo>>(_external.Keys.Select(k => new ExternalMetricInfo(k)).ToArray());

    public ValueTask<IReadOnlyList<CustomMetricInfo>> ListCustomMetricsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<CustomMetricInfo>>(
            _custom.Select(kv => new CustomMetricInfo(kv.Key.Resource, kv.Value.FirstOrDefault()?.Namespaced ?? true, kv.Key.Metric)).ToArray());

    public ValueTask<MetricResult<IReadOnlyList<ExternalMetricValue>>> GetExternalMetricAsync(ExternalMetricQuery query, CancellationToken cancellationToken)
    {
        if (!_external.TryGetValue(query.Metric, out var series))
        {
            return ValueTask.FromResult<MetricResult<IReadOnlyList<ExternalMetricValue>>>(MetricError.NotFound($"the server could not find the metric {query.Metric}"));
        }

        var matched = series.Where(s => (s.Namespace is null || s.Namespace == query.Namespace) && query.Selector.Matches(s.Value.Labels))
            .Select(s => s.Value).ToArray();
        return ValueTask.FromResult<MetricResult<IReadOnlyList<ExternalMetricValue>>>(matched.Length == 0
            ? MetricError.NoValue($"no series of external metric {query.Metric} in namespace {query.Namespace} matches selector \"{query.Selector}\"")
            : matched);
    }

    public ValueTask<MetricResult<CustomMetricValue>> GetMetricByNameAsync(CustomObjectQuery query, CancellationToken cancellationToken)
    {
        var found = Objects(query.Info).FirstOrDefault(o => o.Value.DescribedObject.Name == query.Name && o.Value.DescribedObject.Namespace == query.Namespace);
        return ValueTask.FromResult<MetricResult<CustomMetricValue>>(found is null
            ? MetricError.NotFound($"the server could not find the metric {query.Info.Metric} for {query.Info.Resource} {query.Name}")
            : found.Value);
    }

    public ValueTask<MetricResult<IReadOnlyList<CustomMetricValue>>> GetMetricBySelectorAsync(CustomSelectorQuery query, CancellationToken cancellationToken)
    {
        if (!_custom.ContainsKey((query.Info.Resource, query.Info.Metric)))
        {
            return ValueTask.FromResult<MetricResult<IReadOnlyList<CustomMetricValue>>>(MetricError.NotFound($"the server could not find the metric {query.Info.Metric} for {query.Info.Resource}"));
        }

        var matched = Objects(query.Info)
            .Where(o => o.Value.DescribedObject.Namespace == query.Namespace && query.ObjectSelector.Matches(o.ObjectLabels))
            .Select(o => o.Value).ToArray();
        return ValueTask.FromResult<MetricResult<IReadOnlyList<CustomMetricValue>>>(matched);
    }

    private ObjectValue[] Objects(CustomMetricInfo info) => _custom.TryGetValue((info.Resource, info.Metric), out var v) ? v : [];

    private static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private sealed record ExternalSeries(string? Namespace, ExternalMetricValue Value);

    private sealed record ObjectValue(bool Namespaced, IReadOnlyDictionary<string, string> ObjectLabels, CustomMetricValue Value);
}
