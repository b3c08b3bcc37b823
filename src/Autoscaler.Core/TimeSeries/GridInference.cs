namespace Autoscaler.Core.TimeSeries;

/// <summary>Finds the grid a series was sampled on: the dominant (most frequent) interval between points.</summary>
public static class GridInference
{
    /// <summary>
    /// The most frequent positive interval between consecutive timestamps; on a tie the shorter one wins,
    /// so a series with as many gaps as regular steps still reports its real step. Null for fewer than two points.
    /// </summary>
    public static TimeSpan? InferInterval(ReadOnlySpan<DateTime> sortedTimes)
    {
        if (sortedTimes.Length < 2)
        {
            return null;
        }

        var counts = new Dictionary<long, int>();
        for (var i = 1; i < sortedTimes.Length; i++)
        {
            var step = (sortedTimes[i] - sortedTimes[i - 1]).Ticks;
            if (step > 0)
            {
                counts[step] = counts.GetValueOrDefault(step) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
        return TimeSpan.FromTicks(best);
    }

    /// <summary>The dominant interval of <paramref name="series"/> (see <see cref="InferInterval(ReadOnlySpan{DateTime})"/>).</summary>
    public static TimeSpan? InferInterval(Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return InferInterval(series.Times);
    }
}
