namespace Autoscaler.Core.Hpa;

/// <summary>Shared instances of the conditions whose text never varies, so a reconcile does not allocate them.</summary>
internal static class HpaConditions
{
    public static readonly HpaCondition SucceededGetScale = new(HpaCondition.AbleToScale, true, "SucceededGetScale", "the HPA controller was able to get the target's current scale");

    public static readonly HpaCondition ScalingDisabled = new(HpaCondition.ScalingActive, false, "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");

    public static readonly HpaCondition ValidMetricFound = new(HpaCondition.ScalingActive, true, "ValidMetricFound", "the HPA was able to successfully calculate a replica count");

    public static readonly HpaCondition ReadyForNewScale = new(HpaCondition.AbleToScale, true, "ReadyForNewScale", "recommended size matches current size");

    public static readonly HpaCondition ScaleUpStabilized = new(HpaCondition.AbleToScale, true, "ScaleUpStabilized", "recent recommendations were lower than current one, applying the lowest recent recommendation");

    public static readonly HpaCondition ScaleDownStabilized = new(HpaCondition.AbleToScale, true, "ScaleDownStabilized", "recent recommendations were higher than current one, applying the highest recent recommendation");

    /// <summary>The AbleToScale condition for a stabilisation reason.</summary>
    public static HpaCondition Stabilization(string reason) => reason switch
    {
        "ScaleUpStabilized" => ScaleUpStabilized,
        "ScaleDownStabilized" => ScaleDownStabilized,
        _ => ReadyForNewScale,
    };

    private static readonly string[] LimitReasons = ["DesiredWithinRange", "TooFewReplicas", "TooManyReplicas", "ScaleUpLimit", "ScaleDownLimit"];

    private static readonly string[] LimitMessages =
    [
        "the desired count is within the acceptable range",
        "the desired replica count is less than the minimum replica count",
        "the desired replica count is more than the maximum replica count",
        "the desired replica count is increasing faster than the maximum scale rate",
        "the desired replica count is decreasing faster than the maximum scale rate",
    ];

    private static readonly HpaCondition[] Limited = Build(true);

    private static readonly HpaCondition[] NotLimited = Build(false);

    /// <summary>The ScalingLimited condition for a limiting reason (True when the limit changed the value).</summary>
    public static HpaCondition ScalingLimited(bool limited, string reason)
    {
        var i = Array.IndexOf(LimitReasons, reason);
        return i < 0
            ? new HpaCondition(HpaCondition.ScalingLimited, limited, reason, reason)
            : (limited ? Limited : NotLimited)[i];
    }

    private static HpaCondition[] Build(bool status) =>
        LimitReasons.Select((r, i) => new HpaCondition(HpaCondition.ScalingLimited, status, r, LimitMessages[i])).ToArray();
}
