namespace Autoscaler.Core.Forecasting.Seasonality;

/// <summary>
/// Makes a history fit for fitting: exact zeros in a series where zero is otherwise rare (under 1 % of
/// samples) are outages, not load, and become gaps; gaps are filled from the same time one day earlier,
/// shifted to meet the observed values on both sides (linear interpolation when no earlier day exists).
/// </summary>
internal static class SeriesCleaner
{
    public const double RareZeroShare = 0.01;

    public static double[] Clean(ReadOnlySpan<double> raw, int dayPeriod, out bool nonNegative)
    {
        var y = raw.ToArray();
        int valid = 0, zeros = 0;
        nonNegative = true;
        foreach (var v in y)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            valid++;
            zeros += v == 0 ? 1 : 0;
            nonNegative &= v >= 0;
        }

        if (valid == 0)
        {
            Array.Clear(y);
            return y;
        }

        if (zeros < RareZeroShare * valid)
        {
            for (var i = 0; i < y.Length; i++)
            {
                y[i] = y[i] == 0 ? double.NaN : y[i];
            }
        }

        FillGaps(y, dayPeriod);
        return y;
    }

    private static void FillGaps(double[] y, int dayPeriod)
    {
        var i = 0;
        while (i < y.Length)
        {
            if (!double.IsNaN(y[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < y.Length && double.IsNaN(y[end]))
            {
                end++;
            }

            FillRun(y, i, end, dayPeriod);
            i = end;
        }
    }

    /// <summary>Fills y[from..to) from its neighbours (and the day before when there is one).</summary>
    private static void FillRun(double[] y, int from, int to, int dayPeriod)
    {
        var left = from > 0 ? y[from - 1] : double.NaN;
        var right = to < y.Length ? y[to] : double.NaN;
        if (double.IsNaN(left) && double.IsNaN(right))
        {
            return;
        }

        left = double.IsNaN(left) ? right : left;
        right = double.IsNaN(right) ? left : right;
        var useDay = dayPeriod > 0 && from - 1 - dayPeriod >= 0 && to - dayPeriod < y.Length && to < y.Length;
        var dayLeft = useDay ? y[from - 1 - dayPeriod] : 0;
        var dayRight = useDay ? y[to - dayPeriod] : 0;
        var length = to - from + 1;
        for (var t = from; t < to; t++)
        {
            var frac = (t - from + 1) / (double)length;
            var line = left + ((right - left) * frac);
            y[t] = useDay ? y[t - dayPeriod] + line - (dayLeft + ((dayRight - dayLeft) * frac)) : line;
        }
    }
}
