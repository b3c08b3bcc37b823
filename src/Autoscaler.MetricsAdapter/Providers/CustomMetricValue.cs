using Autoscaler.Core.Quantities;

namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>The latest value of a custom metric for one described object.</summary>
/// <param name="DescribedObject">The object the value describes.</param>
/// <param name="MetricName">The metric name.</param>
/// <param name="Timestamp">When the value was observed (or, for a rate, the end of its window).</param>
/// <param name="Window">The window a rate was computed over; null for instantaneous values.</param>
/// <param name="Value">The value.</param>
public sealed record CustomMetricValue(
    ObjectReference DescribedObject,
    string MetricName,
    DateTimeOffset Timestamp,
    TimeSpan? Window,
    Quantity Value);
