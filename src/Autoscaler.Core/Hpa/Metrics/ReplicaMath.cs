namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>The exact expression shapes of HPA_SPEC.md §10, in one place.</summary>
internal static class ReplicaMath
{
    /// <summary><c>(double)num / (double)den</c>.</summary>
    public static double Ratio(long numerator, long denominator) => (double)numerator / (double)denominator;

    /// <summary><c>ceil(ratio × count)</c> converted to int32, saturating instead of wrapping (D7).</summary>
    public static int CeilTimes(double ratio, long count) => ToInt32(Math.Ceiling(ratio * (double)count));

    /// <summary>A double replica count converted to int32, saturating at the int32 range.</summary>
    public static int ToInt32(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        return value >= int.MaxValue ? int.MaxValue : value <= int.MinValue ? int.MinValue : (int)value;
    }

    /// <summary>A double converted to int64, saturating (status values derived from +Inf ratios).</summary>
    public static long ToInt64(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        return value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)value;
    }
}
