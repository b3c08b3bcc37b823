namespace Autoscaler.Core.Hpa.Behavior;

/// <summary>
/// <c>behavior.scaleUp</c> or <c>behavior.scaleDown</c> as the user wrote it: every field may be unset.
/// <see cref="HpaBehavior.WithApiDefaults"/> fills the unset ones.
/// </summary>
public sealed record HpaScalingRules
{
    /// <summary><c>stabilizationWindowSeconds</c> (0…3600); null = unset.</summary>
    public int? StabilizationWindowSeconds { get; init; }

    /// <summary><c>selectPolicy</c>; null = unset.</summary>
    public ScalingPolicySelect? SelectPolicy { get; init; }

    /// <summary><c>policies</c>; null = unset. A user list replaces the default list as a whole.</summary>
    public IReadOnlyList<HpaScalingPolicy>? Policies { get; init; }

    /// <summary>Per-direction tolerance (KEP-4951, current profile only); null = use the controller flag.</summary>
    public double? Tolerance { get; init; }

    /// <summary>The longest <c>periodSeconds</c> among <see cref="Policies"/> (0 when none).</summary>
    public int LongestPolicyPeriodSeconds
    {
        get
        {
            var longest = 0;
            if (Policies is not null)
            {
                for (var i = 0; i < Policies.Count; i++)
                {
                    longest = Math.Max(longest, Policies[i].PeriodSeconds);
                }
            }

            return longest;
        }
    }
}
