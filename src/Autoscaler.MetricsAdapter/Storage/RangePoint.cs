namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>One step of a range read.</summary>
/// <param name="TimestampUnixMs">The evaluation time (on the query's step grid, not the sample's own timestamp).</param>
/// <param name="Value">The newest sample's value within the lookback window.</param>
internal readonly record struct RangePoint(long TimestampUnixMs, double Value);
