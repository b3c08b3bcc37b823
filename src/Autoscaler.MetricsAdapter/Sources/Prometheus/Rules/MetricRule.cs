using System.Text.RegularExpressions;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>A validated rule: which series it discovers, how it names them, and how it queries them.</summary>
internal sealed class MetricRule
{
    public required string Location { get; init; }

    /// <summary>The rule's place in its file, such as <c>externalRules[0]</c>, for messages and metric labels.</summary>
    public required string Name { get; init; }

    /// <summary>True when <c>metricsQuery</c> places <c>&lt;&lt;.LabelMatchers&gt;&gt;</c>; otherwise the HPA's selector and
    /// the namespace are enforced on the labels of the returned series.</summary>
    public bool AppliesLabelMatchers => MetricsQuery.Fields.Contains("LabelMatchers", StringComparer.Ordinal);

    public required bool IsExternal { get; init; }

    public required string SeriesQuery { get; init; }

    public required IReadOnlyList<(Regex Pattern, bool Keep)> SeriesFilters { get; init; }

    public required Regex NameMatches { get; init; }

    public required string NameAs { get; init; }

    public required ResourceMapper Resources { get; init; }

    /// <summary>External rules: false when <c>resources.namespaced</c> is false (no namespace matcher).</summary>
    public required bool Namespaced { get; init; }

    public required QueryTemplate MetricsQuery { get; init; }

    /// <summary>True when the series name passes every <c>is</c>/<c>isNot</c> filter.</summary>
    public bool Keeps(string seriesName)
    {
        foreach (var (pattern, keep) in SeriesFilters)
        {
            if (pattern.IsMatch(seriesName) != keep)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The metric name for a series name, or null when <c>name.matches</c> does not match it.</summary>
    public string? MetricNameFor(string seriesName)
    {
        var match = NameMatches.Match(seriesName);
        return match.Success ? match.Result(NameAs) : null;
    }
}
