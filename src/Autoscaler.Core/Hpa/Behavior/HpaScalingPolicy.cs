namespace Autoscaler.Core.Hpa.Behavior;

/// <summary>One rate policy: at most <paramref name="Value"/> (pods or percent) per <paramref name="PeriodSeconds"/>.</summary>
/// <param name="Type">Pods or Percent.</param>
/// <param name="Value">Allowed change; validation requires &gt; 0.</param>
/// <param name="PeriodSeconds">Length of the look-back period; validation requires 1…1800.</param>
public sealed record HpaScalingPolicy(HpaScalingPolicyType Type, int Value, int PeriodSeconds);
