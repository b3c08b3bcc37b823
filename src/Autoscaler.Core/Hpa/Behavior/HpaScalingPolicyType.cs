namespace Autoscaler.Core.Hpa.Behavior;

/// <summary>The unit of a scaling policy's <c>value</c>.</summary>
public enum HpaScalingPolicyType
{
    /// <summary>An absolute number of pods per period.</summary>
    Pods,

    /// <summary>A percentage of the replicas at the start of the period.</summary>
    Percent,
}
