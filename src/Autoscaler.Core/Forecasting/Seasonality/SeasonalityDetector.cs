namespace Autoscaler.Core.Forecasting.Seasonality;

/// <summary>
/// Finds the daily and weekly cycles at any grid resolution by variance reduction: a period P is a season
/// when differencing at lag P leaves much less variance than differencing at lag P/2 (the anti-phase lag),
/// which, unlike a plain autocorrelation, is not fooled by trend or level shifts.
/// </summary>
internal static class SeasonalityDetector
{
    /// <summary>Minimum share of variance the seasonal lag must remove, relative to the half-period lag.</summary>
    public const double MinStrength = 0.3;

    /// <summary>How much further a weekly lag must reduce variance beyond the daily one to count.</summary>
    public const double WeeklyGain = 0.15;

    /// <summary>Returns the dominant season in steps: weekly, daily, or 0 when there is none.</summary>
    public static int Detect(ReadOnlySpan<double> values, int dayPeriod, int weekPeriod)
    {
        var daily = dayPeriod >= 4 && values.Length >= 3 * dayPeriod && Strength(values, dayPeriod, dayPeriod / 2) >= MinStrength;
        if (weekPeriod >= 4 && values.Length >= 2 * weekPeriod + dayPeriod)
        {
            var weekVsDay = Strength(values, weekPeriod, dayPeriod);
            var weekVsHalf = Strength(values, weekPeriod, weekPeriod / 2);
            if (weekVsHalf >= MinStrength && weekVsDay >= WeeklyGain)
            {
                return weekPeriod;
            }
        }

        return daily ? dayPeriod : 0;
    }

    /// <summary>1 − E[(y_t − y_{t−lag})²] / E[(y_t − y_{t−reference})²] over the common span.</summary>
    public static double Strength(ReadOnlySpan<double> values, int lag, int reference)
    {
        var start = Math.Max(lag, reference);
        if (values.Length <= start + 1 || reference < 1)
        {
            return 0;
        }

        double seasonal = 0, baseline = 0;
        for (var t = start; t < values.Length; t++)
        {
            var a = values[t] - values[t - lag];
            var b = values[t] - values[t - reference];
            seasonal += a * a;
            baseline += b * b;
        }

        return baseline <= 0 ? 0 : 1 - (seasonal / baseline);
    }
}
