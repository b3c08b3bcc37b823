using System.Globalization;

namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>
/// A range read of one series, aligned the way Prometheus' <c>query_range</c> evaluates an instant selector at each
/// step: evaluation times <c>start, start + step, …</c> up to and including <c>end</c>; at each time t the value is the
/// newest sample stamped in the left-open window <c>(t − lookback, t]</c> (Prometheus 3's lookback delta, 5 minutes by
/// default), and no point at all when that window is empty (a gap, as Prometheus leaves it out). Times are Unix
/// milliseconds.
/// </summary>
/// <param name="Namespace">The series' namespace.</param>
/// <param name="Name">Metric name (matched case-insensitively, as the store looks names up).</param>
/// <param name="Labels">The series' exact label set (its identity in the store; no subset matching).</param>
/// <param name="StartUnixMs">First evaluation time.</param>
/// <param name="EndUnixMs">Last possible evaluation time (inclusive).</param>
/// <param name="StepMs">Distance between evaluation times, positive.</param>
/// <param name="LookbackMs">How far back from an evaluation time a sample still counts, positive.</param>
internal sealed record RangeQuery(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    long StartUnixMs,
    long EndUnixMs,
    long StepMs,
    long LookbackMs)
{
    /// <summary>Most evaluation times one query may ask for: Prometheus' own limit of 11,000 points per series.</summary>
    public const int MaxPoints = 11_000;

    /// <summary>Number of evaluation times (at least 1 for a valid query).</summary>
    public long Steps => StepMs <= 0 || EndUnixMs < StartUnixMs ? 0 : ((EndUnixMs - StartUnixMs) / StepMs) + 1;

    /// <summary>What is wrong with the query, in Prometheus' words where it has them; null when it is valid.</summary>
    /// <param name="maxPoints">The bound on <see cref="Steps"/> (at most <see cref="MaxPoints"/>).</param>
    public string? Problem(int maxPoints = MaxPoints)
    {
        if (EndUnixMs < StartUnixMs)
        {
            return "end timestamp must not be before start time";
        }

        if (StepMs <= 0)
        {
            return "zero or negative query resolution step widths are not accepted. Try a positive integer";
        }

        if (LookbackMs <= 0)
        {
            return "the lookback window must be positive";
        }

        return Steps > maxPoints
            ? string.Create(CultureInfo.InvariantCulture, $"exceeded maximum resolution of {maxPoints:N0} points per timeseries (asked for {Steps:N0}). Try decreasing the query resolution (?step=XX) or the range")
            : null;
    }
}
