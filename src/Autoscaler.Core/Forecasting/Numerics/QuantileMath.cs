namespace Autoscaler.Core.Forecasting.Numerics;

/// <summary>Empirical quantiles and medians (linear interpolation between order statistics).</summary>
internal static class QuantileMath
{
    /// <summary>Quantile <paramref name="p"/> of the values; sorts <paramref name="values"/> in place.</summary>
    public static double QuantileInPlace(Span<double> values, double p)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        values.Sort();
        var pos = p * (values.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(values.Length - 1, lo + 1);
        var frac = pos - lo;
        return values[lo] + ((values[hi] - values[lo]) * frac);
    }

    /// <summary>Quantile of a copy, leaving the input untouched.</summary>
    public static double Quantile(ReadOnlySpan<double> values, double p)
    {
        var copy = values.ToArray();
        return QuantileInPlace(copy, p);
    }
}
