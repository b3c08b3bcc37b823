using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Entities;

/// <summary>Rolling accuracy of the policy's forecaster against the two baselines; the trust gate's input.</summary>
public sealed class AccuracySummary
{
    /// <summary>The rolling window as a duration.</summary>
    [JsonPropertyName("window")]
    public string? Window { get; set; }

    /// <summary>Mean absolute percentage error of the policy's forecaster (0.1 = 10 %).</summary>
    [JsonPropertyName("policyMape")]
    public double? PolicyMape { get; set; }

    /// <summary>MAPE of persistence (last value).</summary>
    [JsonPropertyName("persistenceMape")]
    public double? PersistenceMape { get; set; }

    /// <summary>MAPE of daily seasonal-naive.</summary>
    [JsonPropertyName("seasonalNaiveMape")]
    public double? SeasonalNaiveMape { get; set; }

    /// <summary>True when the policy beats both baselines.</summary>
    [JsonPropertyName("trusted")]
    public bool? Trusted { get; set; }
}
