using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>Forecast floors act in auto only while the policy's rolling accuracy beats persistence and daily seasonal-naive.</summary>
public sealed class TrustGateSpec
{
    /// <summary>False disables the gate; enabled when null.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; set; }

    /// <summary>Rolling window as a duration; 7d when null.</summary>
    [JsonPropertyName("window")]
    public string? Window { get; set; }
}
