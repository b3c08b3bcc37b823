namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>The in-memory index entry of one series: its row id and the points reads may still need.</summary>
internal sealed class SeriesEntry(long id, string ns, string name, IReadOnlyDictionary<string, string> labels, string key)
{
    /// <summary>Points stamped later than the store's clock kept per series (beyond it the farthest are dropped).</summary>
    public const int MaxPendingPoints = 1024;

    private LatestPoint[] _points = [];

    public long Id { get; } = id;

    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    /// <summary>Namespace, name and canonical labels: unique per series.</summary>
    public string Key { get; } = key;

    /// <summary>Ascending by timestamp: the newest point not later than the clock when last written, then every
    /// point stamped later (a pusher whose clock runs ahead). Swapped atomically so readers never see a torn list.</summary>
    public IReadOnlyList<LatestPoint> Points
    {
        get => Volatile.Read(ref _points);
        set => Volatile.Write(ref _points, [.. value]);
    }

    /// <summary>The newest point whatever its timestamp, or null when the series has none.</summary>
    public LatestPoint? Newest => Points is { Count: > 0 } p ? p[^1] : null;

    /// <summary>The newest point stamped at or before <paramref name="nowUnixMs"/>, or null.</summary>
    public LatestPoint? At(long nowUnixMs)
    {
        var points = Points;
        for (var i = points.Count - 1; i >= 0; i--)
        {
            if (points[i].TimestampUnixMs <= nowUnixMs)
            {
                return points[i];
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="current"/> with <paramref name="added"/> merged in (a repeated timestamp takes the new value),
    /// trimmed to what a read at or after <paramref name="nowUnixMs"/> can still need.
    /// </summary>
    public static LatestPoint[] Merge(IReadOnlyList<LatestPoint> current, IEnumerable<LatestPoint> added, long nowUnixMs)
    {
        // The common case, every point already due: only the newest matters (a later duplicate timestamp wins).
        LatestPoint? best = null;
        var allDue = true;
        foreach (var p in current.Concat(added))
        {
            allDue &= p.TimestampUnixMs <= nowUnixMs;
            if (best is null || p.TimestampUnixMs >= best.TimestampUnixMs)
            {
                best = p;
            }
        }

        if (allDue)
        {
            return best is null ? [] : [best];
        }

        var byTime = new SortedDictionary<long, double>();
        foreach (var p in current)
        {
            byTime[p.TimestampUnixMs] = p.Value;
        }

        foreach (var p in added)
        {
            byTime[p.TimestampUnixMs] = p.Value;
        }

        var all = byTime.Select(kv => new LatestPoint(kv.Value, kv.Key)).ToList();
        var firstNeeded = all.FindLastIndex(p => p.TimestampUnixMs <= nowUnixMs);
        var kept = all.Skip(Math.Max(firstNeeded, 0)).ToList();
        var limit = MaxPendingPoints + (firstNeeded >= 0 ? 1 : 0);
        return [.. kept.Take(limit)];
    }

    public static string KeyOf(string ns, string name, string canonicalLabels) =>
        string.Concat(ns, "\u001e", name, "\u001e", canonicalLabels);
}

/// <summary>A value and when it was observed.</summary>
internal sealed record LatestPoint(double Value, long TimestampUnixMs);
