namespace Autoscaler.Kubernetes.Entities;

/// <summary>The values of <see cref="PredictivePolicySpec.Mode"/>.</summary>
public static class PolicyModes
{
    /// <summary>Forecast and report in status only.</summary>
    public const string Observe = "observe";

    /// <summary>Report a recommended floor (status + Event) and act only after approval.</summary>
    public const string Recommend = "recommend";

    /// <summary>Act on forecast floors while the trust gate holds; otherwise behave as recommend.</summary>
    public const string Auto = "auto";
}
