namespace Autoscaler.Core.Hpa.Behavior;

/// <summary><c>selectPolicy</c>: how several policies of one direction combine.</summary>
public enum ScalingPolicySelect
{
    /// <summary>The policy that allows the largest change (default).</summary>
    Max,

    /// <summary>The policy that allows the smallest change.</summary>
    Min,

    /// <summary>No scaling in this direction.</summary>
    Disabled,
}
