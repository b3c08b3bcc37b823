namespace Autoscaler.Core.Hpa.Behavior;

/// <summary><c>spec.behavior</c>. Its presence (even empty) selects the behavior normalisation path.</summary>
/// <param name="ScaleUp">Scale-up rules as written, or null.</param>
/// <param name="ScaleDown">Scale-down rules as written, or null.</param>
public sealed record HpaBehavior(HpaScalingRules? ScaleUp, HpaScalingRules? ScaleDown)
{
    /// <summary>Default scale-up policies: 4 pods or 100 % per 15 s.</summary>
    public static IReadOnlyList<HpaScalingPolicy> DefaultScaleUpPolicies { get; } =
        [new(HpaScalingPolicyType.Pods, 4, 15), new(HpaScalingPolicyType.Percent, 100, 15)];

    /// <summary>Default scale-down policies: 100 % per 15 s.</summary>
    public static IReadOnlyList<HpaScalingPolicy> DefaultScaleDownPolicies { get; } =
        [new(HpaScalingPolicyType.Percent, 100, 15)];

    /// <summary>
    /// The API-server defaults of HPA_SPEC.md §2.2, field by field. The scale-down window stays null: the
    /// controller replaces it with its downscale flag when it uses it.
    /// </summary>
    public HpaBehavior WithApiDefaults() => new(ScaleUpWithDefaults(ScaleUp), ScaleDownWithDefaults(ScaleDown));

    /// <summary>Scale-up rules with unset fields defaulted (window 0, Max, default policies).</summary>
    public static HpaScalingRules ScaleUpWithDefaults(HpaScalingRules? user) => new()
    {
        StabilizationWindowSeconds = user?.StabilizationWindowSeconds ?? 0,
        SelectPolicy = user?.SelectPolicy ?? ScalingPolicySelect.Max,
        Policies = user?.Policies ?? DefaultScaleUpPolicies,
        Tolerance = user?.Tolerance,
    };

    /// <summary>Scale-down rules with unset fields defaulted (Max, default policies; window stays as given).</summary>
    public static HpaScalingRules ScaleDownWithDefaults(HpaScalingRules? user) => new()
    {
        StabilizationWindowSeconds = user?.StabilizationWindowSeconds,
        SelectPolicy = user?.SelectPolicy ?? ScalingPolicySelect.Max,
        Policies = user?.Policies ?? DefaultScaleDownPolicies,
        Tolerance = user?.Tolerance,
    };
}
