using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>Which HPA, where history comes from, how to forecast, and how far the controller may act.</summary>
public sealed class PredictivePolicySpec
{
    /// <summary>The HPA in the policy's namespace.</summary>
    [JsonPropertyName("targetRef")]
    public PolicyTargetRef TargetRef { get; set; } = new();

    /// <summary>Exactly one history source.</summary>
    [JsonPropertyName("history")]
    public HistorySourceSpec History { get; set; } = new();

    /// <summary>A Core forecaster name (ForecasterCatalog.Names); auto when null.</summary>
    [JsonPropertyName("forecaster")]
    public string? Forecaster { get; set; }

    /// <summary>Forecast quantile the floor is sized for, 0.1..0.9; 0.9 when null.</summary>
    [JsonPropertyName("quantile")]
    public double? Quantile { get; set; }

    /// <summary>Extra capacity in percent over the quantile, 0..500; 10 when null.</summary>
    [JsonPropertyName("headroomPercent")]
    public int? HeadroomPercent { get; set; }

    /// <summary>Forecast horizon as a duration; 1h when null.</summary>
    [JsonPropertyName("horizon")]
    public string? Horizon { get; set; }

    /// <summary>One of <see cref="PolicyModes"/>.</summary>
    [JsonPropertyName("mode")]
    public string Mode { get; set; } = PolicyModes.Observe;

    /// <summary>Safety bounds on the floor.</summary>
    [JsonPropertyName("bounds")]
    public PolicyBounds? Bounds { get; set; }

    /// <summary>One of <see cref="ActuationKinds"/>; minReplicas when null.</summary>
    [JsonPropertyName("actuation")]
    public string? Actuation { get; set; }

    /// <summary>Local dates (yyyy-MM-dd, in <see cref="TimeZone"/>) without forecast floors.</summary>
    [JsonPropertyName("exclusionDates")]
    public IList<string>? ExclusionDates { get; set; }

    /// <summary>IANA zone for exclusion dates; UTC when null.</summary>
    [JsonPropertyName("timeZone")]
    public string? TimeZone { get; set; }

    /// <summary>The accuracy gate for auto mode; enabled with a 7d window when null.</summary>
    [JsonPropertyName("trustGate")]
    public TrustGateSpec? TrustGate { get; set; }
}
