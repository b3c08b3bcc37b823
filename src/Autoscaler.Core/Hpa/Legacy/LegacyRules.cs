namespace Autoscaler.Core.Hpa.Legacy;

/// <summary>Legacy (behavior == nil) limits, HPA_SPEC.md §8.1 "rules": min/max clamp and the per-sync scale-up cap.</summary>
public static class LegacyRules
{
    /// <summary>The per-sync scale-up cap <c>trunc(max(factor × current, minimum))</c>.</summary>
    public static int ScaleUpLimit(int current, double factor, double minimum) =>
        (int)Math.Max(factor * current, minimum);

    /// <summary>Clamps <paramref name="desired"/> into [min, min(max, scale-up cap)] and names the bound that applied.</summary>
    public static ReplicaDecision Apply(int current, int desired, int min, int max, double factor, double minimum)
    {
        var scaleUpLimit = ScaleUpLimit(current, factor, minimum);
        int maxAllowed;
        string limitReason;
        if (max > scaleUpLimit)
        {
            maxAllowed = scaleUpLimit;
            limitReason = "ScaleUpLimit";
        }
        else
        {
            maxAllowed = max;
            limitReason = "TooManyReplicas";
        }

        if (desired < min)
        {
            return new ReplicaDecision(min, "TooFewReplicas");
        }

        return desired > maxAllowed
            ? new ReplicaDecision(maxAllowed, limitReason)
            : new ReplicaDecision(desired, "DesiredWithinRange");
    }
}
