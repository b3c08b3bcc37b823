using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>The latest forecast over the policy's horizon, in the history's unit.</summary>
public sealed class ForecastSummary
{
    /// <summary>When it was computed (UTC).</summary>
    [JsonPropertyName("generatedAt")]
    public DateTime? GeneratedAt { get; set; }

    /// <summary>The model (or blend) that produced it.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>End of the horizon (UTC).</summary>
    [JsonPropertyName("horizonEnd")]
    public DateTime? HorizonEnd { get; set; }

    /// <summary>Peak median over the horizon.</summary>
    [JsonPropertyName("p50")]
    public double? P50 { get; set; }

    /// <summary>Peak 90th percentile over the horizon.</summary>
    [JsonPropertyName("p90")]
    public double? P90 { get; set; }

    /// <summary>When the peak is expected (UTC).</summary>
    [JsonPropertyName("peakAt")]
    public DateTime? PeakAt { get; set; }
}
