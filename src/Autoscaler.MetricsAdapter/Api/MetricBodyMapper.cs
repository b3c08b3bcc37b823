using System.Globalization;
using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Api;

/// <summary>Maps provider values to the exact wire shapes of §1.6.</summary>
internal static class MetricBodyMapper
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    /// <summary>metav1.Time: RFC 3339, UTC, whole seconds.</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static ExternalMetricValueBody External(ExternalMetricValue v) => new()
    {
        MetricName = v.MetricName,
        MetricLabels = v.Labels ?? NoLabels,
        Timestamp = Time(v.Timestamp),
        Window = Seconds(v.Window),
        Value = v.Value.ToString(),
    };

    public static MetricValueV1Beta2Body V1Beta2(CustomMetricValue v, LabelSelectorBody? selector) => new()
    {
        DescribedObject = Reference(v.DescribedObject),
        Metric = new MetricIdentifierBody { Name = v.MetricName, Selector = selector },
        Timestamp = Time(v.Timestamp),
        WindowSeconds = Seconds(v.Window),
        Value = v.Value.ToString(),
    };

    public static MetricValueV1Beta1Body V1Beta1(CustomMetricValue v, LabelSelectorBody? selector) => new()
    {
        DescribedObject = Reference(v.DescribedObject),
        MetricName = v.MetricName,
        Timestamp = Time(v.Timestamp),
        Window = Seconds(v.Window),
        Value = v.Value.ToString(),
        Selector = selector,
    };

    /// <summary>
    /// The applied metric selector in metav1.LabelSelector form, as apimachinery's ParseToLabelSelector
    /// converts it (<c>!=</c> becomes NotIn; <c>&gt;</c>/<c>&lt;</c> have no LabelSelector form and are left out).
    /// </summary>
    public static LabelSelectorBody? Selector(LabelSelector selector)
    {
        if (selector.IsEmpty)
        {
            return null;
        }

        var matchLabels = new Dictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<LabelSelectorRequirementBody>();
        foreach (var r in selector.Requirements)
        {
            switch (r.Operator)
            {
                case SelectorOperator.Equals or SelectorOperator.DoubleEquals:
                    matchLabels[r.Key] = r.Values[0];
                    break;
                case SelectorOperator.NotEquals or SelectorOperator.NotIn:
                    expressions.Add(new() { Key = r.Key, Operator = "NotIn", Values = r.Values });
                    break;
                case SelectorOperator.In:
                    expressions.Add(new() { Key = r.Key, Operator = "In", Values = r.Values });
                    break;
                case SelectorOperator.Exists:
                    expressions.Add(new() { Key = r.Key, Operator = "Exists" });
                    break;
                case SelectorOperator.DoesNotExist:
                    expressions.Add(new() { Key = r.Key, Operator = "DoesNotExist" });
                    break;
            }
        }

        return new LabelSelectorBody
        {
            MatchLabels = matchLabels.Count > 0 ? matchLabels : null,
            MatchExpressions = expressions.Count > 0 ? expressions : null,
        };
    }

    private static ObjectReferenceBody Reference(ObjectReference o) => new()
    {
        Kind = Empty(o.Kind),
        Namespace = Empty(o.Namespace),
        Name = Empty(o.Name),
        ApiVersion = Empty(o.ApiVersion),
    };

    private static long? Seconds(TimeSpan? window) => window is { } w ? (long)w.TotalSeconds : null;

    private static string? Empty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
