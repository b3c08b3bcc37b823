using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>Where a policy's load history comes from: exactly one of the two (the CRD enforces it).</summary>
public sealed class HistorySourceSpec
{
    /// <summary>A PromQL query against Prometheus.</summary>
    [JsonPropertyName("prometheus")]
    public PrometheusHistorySpec? Prometheus { get; set; }

    /// <summary>A metric in the adapter's embedded push store.</summary>
    [JsonPropertyName("adapterMetric")]
    public AdapterMetricHistorySpec? AdapterMetric { get; set; }
}
