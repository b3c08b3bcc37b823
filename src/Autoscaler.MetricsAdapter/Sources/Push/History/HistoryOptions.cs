using Autoscaler.MetricsAdapter.Storage;

namespace Autoscaler.MetricsAdapter.Sources.Push.History;

/// <summary>Options of the push store's history endpoint (section <c>History</c>).</summary>
public sealed class HistoryOptions
{
    /// <summary>Serve <c>/history/namespaces/{ns}/api/v1/query_range</c> from the embedded store. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How far back from each step a sample still counts (Prometheus' <c>--query.lookback-delta</c>). Default 5 minutes.</summary>
    public TimeSpan LookbackDelta { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most steps one request may ask for; beyond, 400. Default and maximum 11,000 (Prometheus' own limit).</summary>
    public int MaxPoints { get; set; } = RangeQuery.MaxPoints;

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (LookbackDelta <= TimeSpan.Zero)
        {
            errors.Add($"History:LookbackDelta must be positive (got {LookbackDelta})");
        }

        if (MaxPoints is < 1 or > RangeQuery.MaxPoints)
        {
            errors.Add($"History:MaxPoints must be between 1 and {RangeQuery.MaxPoints} (got {MaxPoints})");
        }

        return errors;
    }
}
