namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>
/// A metric target. Quantities are already milli-units (<c>ceil(q × 1000)</c>). The field that matches
/// <see cref="Type"/> must be set; a target with that field missing makes the metric invalid.
/// </summary>
/// <param name="Type">Which of the three fields is read.</param>
/// <param name="AverageUtilization">Percent of request, for <see cref="MetricTargetType.Utilization"/>.</param>
/// <param name="AverageValueMilli">Per-pod value in milli, for <see cref="MetricTargetType.AverageValue"/>.</param>
/// <param name="ValueMilli">Total value in milli, for <see cref="MetricTargetType.Value"/>.</param>
public sealed record MetricTarget(MetricTargetType Type, int? AverageUtilization = null, long? AverageValueMilli = null, long? ValueMilli = null)
{
    /// <summary>A Utilization target of <paramref name="percent"/> %.</summary>
    public static MetricTarget Utilization(int percent) => new(MetricTargetType.Utilization, AverageUtilization: percent);

    /// <summary>An AverageValue target in milli-units.</summary>
    public static MetricTarget AverageValue(long milli) => new(MetricTargetType.AverageValue, AverageValueMilli: milli);

    /// <summary>A Value target in milli-units.</summary>
    public static MetricTarget Value(long milli) => new(MetricTargetType.Value, ValueMilli: milli);
}
