namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>The newest point of one stored series.</summary>
/// <param name="Namespace">Kubernetes namespace.</param>
/// <param name="Name">Metric name.</param>
/// <param name="Labels">Series labels.</param>
/// <param name="Value">Newest value.</param>
/// <param name="TimestampUnixMs">Timestamp of the newest value, Unix milliseconds.</param>
internal sealed record StoredSeries(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    double Value,
    long TimestampUnixMs);
