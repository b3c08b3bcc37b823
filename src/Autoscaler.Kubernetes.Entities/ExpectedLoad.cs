using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>The load an event brings: exactly one field is set (the CRD enforces it).</summary>
public sealed class ExpectedLoad
{
    /// <summary>Load as a multiple of the usual load, &gt; 1 and ≤ 100.</summary>
    [JsonPropertyName("multiplier")]
    public double? Multiplier { get; set; }

    /// <summary>Relative bump in percent over the usual load (50 = 1.5x), 1..10000.</summary>
    [JsonPropertyName("bumpPercent")]
    public int? BumpPercent { get; set; }

    /// <summary>A replica floor to hold during the event, 1..10000.</summary>
    [JsonPropertyName("absoluteFloor")]
    public int? AbsoluteFloor { get; set; }
}
