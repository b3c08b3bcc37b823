using System.Text;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.History;

/// <summary>
/// The PromQL selector of a policy's <c>spec.history.adapterMetric</c>: <c>name{label="value",…}</c>, labels sorted,
/// values escaped as PromQL strings — the one query form the adapter's history endpoint serves.
/// </summary>
public static class AdapterSelector
{
    /// <summary>The selector text.</summary>
    /// <param name="spec">The metric name and exact labels.</param>
    public static string For(AdapterMetricHistorySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = new StringBuilder(spec.Name);
        var labels = (spec.Labels ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (labels.Count == 0)
        {
            return text.ToString();
        }

        text.Append('{');
        text.AppendJoin(',', labels.Select(kv => $"{kv.Key}=\"{Escape(kv.Value)}\""));
        return text.Append('}').ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
