namespace Autoscaler.Core.TimeSeries;

/// <summary>One raw observation: a UTC timestamp and a value, before sorting or de-duplication.</summary>
/// <param name="Time">The UTC timestamp (start of the bucket for bucketed traces).</param>
/// <param name="Value">The observed value.</param>
public readonly record struct TimedValue(DateTime Time, double Value);
