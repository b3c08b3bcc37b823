using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>
/// Enforces the HPA's selector and the namespace on the labels of returned series, for rules whose
/// <c>metricsQuery</c> has no <c>&lt;&lt;.LabelMatchers&gt;&gt;</c> (where the query itself cannot). A constraint on a
/// label that no returned series carries cannot be checked, so it is an error, never a match-all.
/// </summary>
internal static class ResultLabelFilter
{
    /// <summary>The samples satisfying <paramref name="selector"/> and, when given, <paramref name="namespaceLabel"/> =
    /// <paramref name="ns"/>; or the error saying which label the result does not carry.</summary>
    public static MetricResult<IReadOnlyList<PromSample>> Apply(
        IReadOnlyList<PromSample> samples, MetricRule rule, LabelSelector selector, string? namespaceLabel, string ns)
    {
        var carried = samples.SelectMany(s => s.Labels.Keys).Where(k => k != "__name__").ToHashSet(StringComparer.Ordinal);
        var carriedText = carried.Count == 0 ? "none" : string.Join(", ", carried.Order(StringComparer.Ordinal));
        foreach (var requirement in selector.Requirements)
        {
            if (!carried.Contains(requirement.Key))
            {
                return MetricError.BadRequest(
                    $"the selector requirement \"{requirement}\" names label '{requirement.Key}', which the series returned by rule {rule.Name} " +
                    $"do not carry (their labels: {carriedText}); its metricsQuery has no <<.LabelMatchers>>, so the selector can only " +
                    "be checked against the returned labels: add <<.LabelMatchers>> to the query or keep that label in its result");
            }
        }

        if (namespaceLabel is not null && !carried.Contains(namespaceLabel))
        {
            return MetricError.Configuration(
                $"rule {rule.Name} cannot be confined to namespace {ns}: its metricsQuery has no <<.LabelMatchers>> and the series it " +
                $"returns do not carry the '{namespaceLabel}' label (their labels: {carriedText}); add <<.LabelMatchers>> or set resources.namespaced: false");
        }

        return samples
            .Where(s => selector.Matches(s.Labels) && (namespaceLabel is null || (s.Labels.TryGetValue(namespaceLabel, out var v) && v == ns)))
            .ToList();
    }
}
