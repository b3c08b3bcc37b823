namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>The answer of <see cref="ISampleStore.Range"/>: one series and its step-aligned points.</summary>
/// <param name="Name">Metric name as pushed.</param>
/// <param name="Labels">The series' labels.</param>
/// <param name="Points">Ascending by evaluation time; a step whose lookback window held no sample has no point.</param>
internal sealed record StoredRange(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<RangePoint> Points);
