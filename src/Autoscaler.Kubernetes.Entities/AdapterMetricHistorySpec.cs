using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>
/// History from a metric pushed to the metrics adapter's store, read by the controller from the adapter's
/// <c>/history/namespaces/{policy namespace}/api/v1/query_range</c> (the controller's <c>--adapter-url</c>).
/// </summary>
public sealed class AdapterMetricHistorySpec
{
    /// <summary>Metric name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Exact label matches selecting one series: its whole label set, as pushed.</summary>
    [JsonPropertyName("labels")]
    public IDictionary<string, string>? Labels { get; set; }

    /// <summary>Range step as a duration; 1m when null.</summary>
    [JsonPropertyName("step")]
    public string? Step { get; set; }
}
