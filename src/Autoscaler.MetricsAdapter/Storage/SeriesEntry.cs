namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>The in-memory index entry of one series: its row id and its newest point.</summary>
internal sealed class SeriesEntry(long id, string ns, string name, IReadOnlyDictionary<string, string> labels, string key)
{
    private LatestPoint? _latest;

    public long Id { get; } = id;

    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    /// <summary>Namespace, name and canonical labels: unique per series.</summary>
    public string Key { get; } = key;

    /// <summary>Newest point; swapped atomically so readers never see a torn value/timestamp pair.</summary>
    public LatestPoint? Latest
    {
        get => Volatile.Read(ref _latest);
        set => Volatile.Write(ref _latest, value);
    }

    public static string KeyOf(string ns, string name, string canonicalLabels) =>
        string.Concat(ns, "\u001e", name, "\u001e", canonicalLabels);
}

/// <summary>A value and when it was observed.</summary>
internal sealed record LatestPoint(double Value, long TimestampUnixMs);
