using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>History from a PromQL range query.</summary>
public sealed class PrometheusHistorySpec
{
    /// <summary>Prometheus base URL; the controller's default when null.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>PromQL returning one series in the HPA metric's unit.</summary>
    [JsonPropertyName("query")]
    public string Query { get; set; } = "";

    /// <summary>Range step as a duration; 1m when null.</summary>
    [JsonPropertyName("step")]
    public string? Step { get; set; }
}
