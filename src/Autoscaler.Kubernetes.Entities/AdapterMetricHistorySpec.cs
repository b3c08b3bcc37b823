using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>History from a metric pushed to the metrics adapter's store.</summary>
public sealed class AdapterMetricHistorySpec
{
    /// <summary>Metric name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Exact label matches selecting one series.</summary>
    [JsonPropertyName("labels")]
    public IDictionary<string, string>? Labels { get; set; }
}
