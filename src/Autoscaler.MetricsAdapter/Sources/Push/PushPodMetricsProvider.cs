using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Objects;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Storage;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>
/// Serves pushed samples labelled <c>pod=&lt;name&gt;</c> as <c>custom.metrics.k8s.io</c> pods metrics (an HPA
/// <c>type: Pods</c> metric): one item per pod, the sum of that pod's fresh matching series (as
/// <c>sum by (pod)</c> would), each series' newest sample not stamped later than now. Pods asked by label
/// selector come from the <see cref="IObjectLister"/>; without one only by-name and all-pods requests are served.
/// </summary>
internal sealed class PushPodMetricsProvider(ISampleStore store, IOptions<StalenessOptions> staleness, TimeProvider time, IObjectLister? objects = null)
    : ICustomMetricsProvider
{
    /// <summary>The label naming the pod a pushed series describes.</summary>
    public const string PodLabel = "pod";

    private static readonly GroupResource Pods = new(string.Empty, "pods");

    public ValueTask<IReadOnlyList<CustomMetricInfo>> ListCustomMetricsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<CustomMetricInfo>>(store.MetricNames()
            .Where(m => store.Latest(m.Namespace, m.Name, l => l.ContainsKey(PodLabel)).Count > 0)
            .Select(m => m.Name)
            .Distinct(StringComparer.Ordinal)
            .Select(name => new CustomMetricInfo(Pods, true, name))
            .ToArray());

    public ValueTask<MetricResult<CustomMetricValue>> GetMetricByNameAsync(CustomObjectQuery query, CancellationToken cancellationToken)
    {
        var all = Values(query.Info, query.Namespace, [query.Name], query.MetricSelector);
        return ValueTask.FromResult<MetricResult<CustomMetricValue>>(!all.IsSuccess ? all.Error! : all.Value.Single());
    }

    public async ValueTask<MetricResult<IReadOnlyList<CustomMetricValue>>> GetMetricBySelectorAsync(CustomSelectorQuery query, CancellationToken cancellationToken)
    {
        if (query.Info.Resource != Pods || !Known(query.Namespace, query.Info.Metric))
        {
            return NotFound(query.Info, query.Namespace);
        }

        if (query.ObjectSelector.IsEmpty)
        {
            return Values(query.Info, query.Namespace, null, query.MetricSelector);
        }

        if (objects is null)
        {
            return MetricError.BadRequest($"pushed metric {query.Info.Metric} cannot select pods by labels (\"{query.ObjectSelector}\") without a Kubernetes object lister; query pods by name");
        }

        var names = await objects.ListNamesAsync(Pods, query.Namespace, query.ObjectSelector, cancellationToken).ConfigureAwait(false);
        if (!names.IsSuccess)
        {
            return names.Error!;
        }

        return names.Value.Count == 0
            ? MetricError.NoValue($"no pods in namespace {query.Namespace} match selector \"{query.ObjectSelector}\"")
            : Values(query.Info, query.Namespace, names.Value, query.MetricSelector);
    }

    private MetricResult<IReadOnlyList<CustomMetricValue>> Values(CustomMetricInfo info, string ns, IReadOnlyCollection<string>? pods, LabelSelector metricSelector)
    {
        if (info.Resource != Pods || !Known(ns, info.Metric))
        {
            return NotFound(info, ns);
        }

        var wanted = pods?.ToHashSet(StringComparer.Ordinal);
        var series = store.Latest(ns, info.Metric, l => l.TryGetValue(PodLabel, out var pod) && (wanted is null || wanted.Contains(pod)) && metricSelector.Matches(l));
        var now = time.GetUtcNow();
        var fresh = series.Where(s => staleness.Value.IsFresh(DateTimeOffset.FromUnixTimeMilliseconds(s.TimestampUnixMs), now)).ToList();
        if (fresh.Count == 0)
        {
            return series.Count == 0
                ? MetricError.NoValue($"no pushed series of {info.Metric} in namespace {ns} describes the requested pods")
                : MetricError.Stale($"the pushed series of {info.Metric} for the requested pods in namespace {ns} are older than {staleness.Value.MaxAge.TotalSeconds:0} s");
        }

        return fresh.GroupBy(s => s.Labels[PodLabel], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CustomMetricValue(
                new ObjectReference("Pod", ns, g.Key, "v1"),
                info.Metric,
                DateTimeOffset.FromUnixTimeMilliseconds(g.Max(s => s.TimestampUnixMs)),
                null,
                Quantity.FromDouble(g.Sum(s => s.Value))))
            .ToList();
    }

    private bool Known(string ns, string metric) =>
        store.MetricNames().Any(m => m.Namespace == ns && string.Equals(m.Name, metric, StringComparison.OrdinalIgnoreCase));

    private static MetricError NotFound(CustomMetricInfo info, string ns) =>
        MetricError.NotFound($"no pushed samples of {info.Metric} for {info.Resource} in namespace {ns}");
}
