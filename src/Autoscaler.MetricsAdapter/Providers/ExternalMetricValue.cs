using Autoscaler.Core.Quantities;

namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>One series' latest value of an external metric.</summary>
/// <param name="MetricName">The metric name.</param>
/// <param name="Labels">The series labels (never null; empty when none).</param>
/// <param name="Timestamp">When the value was observed (or, for a rate, the end of its window).</param>
/// <param name="Window">The window a rate was computed over; null for instantaneous values.</param>
/// <param name="Value">The value.</param>
public sealed record ExternalMetricValue(
    string MetricName,
    IReadOnlyDictionary<string, string> Labels,
    DateTimeOffset Timestamp,
    TimeSpan? Window,
    Quantity Value);
