namespace Autoscaler.Core.TimeSeries;

/// <summary>Resampling and normalization helpers. Every method returns a new series.</summary>
public static class SeriesResampler
{
    /// <summary>
    /// Puts the series on the regular grid <c>Start + k·interval</c> up to <c>End</c>. A grid point with a
    /// sample at or inside its bucket takes the last such sample; an empty bucket is filled per <paramref name="fill"/>.
    /// </summary>
    public static Series ToRegularGrid(Series series, TimeSpan interval, GapFill fill)
    {
        var values = ToGridValues(series, interval);
        if (values.Length == 0) return Series.Empty;

        var times = new DateTime[values.Length];
        for (var k = 0; k < values.Length; k++)
        {
            times[k] = series.Start + (interval * k);
            if (double.IsNaN(values[k])) values[k] = Fill(series, times[k], fill, k > 0 ? values[k - 1] : 0);
        }

        return Series.Create(times, values);
    }

    /// <summary>
    /// The values of the regular grid <c>Start + k·interval</c> up to <c>End</c>, element k for grid point k, with
    /// the bucket rule of <see cref="ToRegularGrid"/> (a grid point takes the last sample in
    /// <c>[t, t + interval)</c>) and <see cref="double.NaN"/> where a bucket holds no sample: the shape a
    /// forecast history takes, so that gaps stay visible to the forecaster's own cleaning. Empty for an empty series.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive.</exception>
    public static double[] ToGridValues(Series series, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "The interval must be positive.");
        if (series.Count == 0) return [];

        var n = checked((int)((series.End - series.Start).Ticks / interval.Ticks) + 1);
        var values = new double[n];
        var src = 0;
        for (var k = 0; k < n; k++)
        {
            var bucketEnd = series.Start + (interval * (k + 1));
            values[k] = double.NaN;
            while (src < series.Count && series.Times[src] < bucketEnd)
            {
                values[k] = series.Values[src];
                src++;
            }
        }

        return values;
    }

    /// <summary>
    /// Converts per-bucket totals to a per-<paramref name="unit"/> rate: a 5-minute bucket holding 500 requests
    /// becomes 100 per minute. Values are multiplied by <c>unit / bucket</c>.
    /// </summary>
    public static Series ToRate(Series series, TimeSpan bucket, TimeSpan unit)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (bucket <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(bucket), "The bucket must be positive.");
        if (unit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(unit), "The unit must be positive.");
        return bucket == unit ? series : series.Scale(unit / bucket);
    }

    /// <summary>Combines samples into coarser buckets aligned to <paramref name="interval"/> since the Unix epoch.</summary>
    public static Series Aggregate(Series series, TimeSpan interval, Aggregation how)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), "The interval must be positive.");
        var times = new List<DateTime>();
        var values = new List<double>();
        var count = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var t = series.Times[i];
            var bucket = new DateTime(t.Ticks - ((t.Ticks - DateTime.UnixEpoch.Ticks) % interval.Ticks), DateTimeKind.Utc);
            var v = series.Values[i];
            if (times.Count == 0 || times[^1] != bucket)
            {
                Close(values, count, how);
                times.Add(bucket);
                values.Add(v);
                count = 1;
                continue;
            }

            values[^1] = how == Aggregation.Max ? Math.Max(values[^1], v) : values[^1] + v;
            count++;
        }

        Close(values, count, how);
        return Series.Create(times.ToArray(), values.ToArray());
    }

    private static void Close(List<double> values, int count, Aggregation how)
    {
        if (how == Aggregation.Mean && count > 0) values[^1] /= count;
    }

    private static double Fill(Series series, DateTime t, GapFill fill, double previous)
    {
        switch (fill)
        {
            case GapFill.Zero:
                return 0;
            case GapFill.Hold:
                return previous;
            default:
                var before = series.IndexAtOrBefore(t);
                if (before < 0 || before + 1 >= series.Count) return previous;
                var t0 = series.Times[before];
                var t1 = series.Times[before + 1];
                var w = (t - t0) / (t1 - t0);
                return series.Values[before] + (w * (series.Values[before + 1] - series.Values[before]));
        }
    }
}
