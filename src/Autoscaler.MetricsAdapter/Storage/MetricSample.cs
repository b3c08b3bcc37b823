namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>One observation of one series, as pushed by an application or sidecar.</summary>
/// <param name="Namespace">Kubernetes namespace the series belongs to.</param>
/// <param name="Name">Metric name.</param>
/// <param name="Labels">Series labels (the identity of the series together with namespace and name).</param>
/// <param name="Value">A finite value.</param>
/// <param name="TimestampUnixMs">When the value was observed, Unix milliseconds.</param>
internal sealed record MetricSample(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    double Value,
    long TimestampUnixMs);
