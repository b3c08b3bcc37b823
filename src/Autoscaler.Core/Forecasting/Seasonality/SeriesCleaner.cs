namespace Autoscaler.Core.Forecasting.Seasonality;

/// <summary>
/// Makes a history fit for fitting (no NaN or infinity left, whatever the input):
/// <list type="bullet">
/// <item>non-finite samples are gaps;</item>
/// <item>exact zeros are outages, not load, and become gaps when zero is otherwise rare (under 1 % of samples),
/// or when they form a run of at least <see cref="OutageRunSteps"/> samples between two neighbours that are both
/// well above zero (at least <see cref="OutageNeighbourShare"/> of the median non-zero sample): a service that
/// really is idle ramps down to zero, a broken scrape drops to it;</item>
/// <item>gaps are filled with the same time of day one day earlier (repeating the last day before the gap
/// when the gap is longer than a day), shifted by a ramp that meets the observed values on both sides;
/// linear interpolation when no full day precedes the gap, the nearest value before the first or after the
/// last sample.</item>
/// </list>
/// A history with no finite sample becomes all zeros.
/// </summary>
internal static class SeriesCleaner
{
    public const double RareZeroShare = 0.01;

    /// <summary>Shortest run of zeros that can be an outage in a series where zeros are common.</summary>
    public const int OutageRunSteps = 3;

    /// <summary>Both neighbours of an outage run are at least this share of the median non-zero sample.</summary>
    public const double OutageNeighbourShare = 0.1;

    public static double[] Clean(ReadOnlySpan<double> raw, int dayPeriod, out bool nonNegative)
    {
        var y = raw.ToArray();
        int valid = 0, zeros = 0;
        nonNegative = true;
        for (var i = 0; i < y.Length; i++)
        {
            if (!double.IsFinite(y[i]))
            {
                y[i] = double.NaN;
                continue;
            }

            valid++;
            zeros += y[i] == 0 ? 1 : 0;
            nonNegative &= y[i] >= 0;
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
        else if (zeros < valid)
        {
            MarkOutageRuns(y);
        }

        FillGaps(y, dayPeriod, nonNegative);
        return y;
    }

    /// <summary>Turns interior zero runs that drop from and return to a busy level into gaps.</summary>
    private static void MarkOutageRuns(double[] y)
    {
        var busy = OutageNeighbourShare * MedianNonZero(y);
        var i = 0;
        while (i < y.Length)
        {
            if (y[i] != 0)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < y.Length && (y[end] == 0 || double.IsNaN(y[end])))
            {
                end++;
            }

            var left = Neighbour(y, i - 1, -1);
            var right = Neighbour(y, end, 1);
            if (end - i >= OutageRunSteps && left >= busy && right >= busy)
            {
                Array.Fill(y, double.NaN, i, end - i);
            }

            i = end;
        }
    }

    private static double Neighbour(double[] y, int index, int direction)
    {
        for (var i = index; i >= 0 && i < y.Length; i += direction)
        {
            if (!double.IsNaN(y[i]))
            {
                return Math.Abs(y[i]);
            }
        }

        return 0;
    }

    private static double MedianNonZero(double[] y)
    {
        var nonZero = y.Where(v => v != 0 && !double.IsNaN(v)).Select(Math.Abs).Order().ToArray();
        return nonZero.Length == 0 ? 0 : nonZero[nonZero.Length / 2];
    }

    private static void FillGaps(double[] y, int dayPeriod, bool nonNegative)
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

            FillRun(y, i, end, dayPeriod, nonNegative);
            i = end;
        }
    }

    /// <summary>Fills y[from..to) from its neighbours (and the days before when there is a full one).</summary>
    private static void FillRun(double[] y, int from, int to, int dayPeriod, bool nonNegative)
    {
        var left = from > 0 ? y[from - 1] : y[to];
        var right = to < y.Length ? y[to] : left;
        var useDay = dayPeriod > 0 && from - 1 - dayPeriod >= 0;
        var length = to - from + 1;
        if (!useDay)
        {
            for (var t = from; t < to; t++)
            {
                y[t] = left + ((right - left) * (t - from + 1) / length);
            }

            return;
        }

        // Copy the pattern first (a gap longer than a day repeats the last day before it), then ramp the
        // offset from the left mismatch to the right one so both ends meet the observations.
        for (var t = from; t < to; t++)
        {
            y[t] = y[t - dayPeriod];
        }

        var offsetLeft = left - y[from - 1 - dayPeriod];
        var offsetRight = to < y.Length ? right - y[to - dayPeriod] : offsetLeft;
        for (var t = from; t < to; t++)
        {
            var value = y[t] + offsetLeft + ((offsetRight - offsetLeft) * (t - from + 1) / length);
            y[t] = nonNegative ? Math.Max(0, value) : value;
        }
    }
}
