namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>Bounds of the embedded store, so memory and disk stay bounded whatever is pushed.</summary>
/// <param name="MaxSeries">Series in the whole store (each costs one in-memory index entry, roughly 0.5-1 KiB).</param>
/// <param name="MaxSeriesPerNamespace">Series in one namespace, so one tenant cannot use up <paramref name="MaxSeries"/>.</param>
/// <param name="MaxSamples">Rows in the samples table; beyond it the oldest history is trimmed before retention would
/// delete it (never a series' newest point). At least <paramref name="MaxSeries"/>.</param>
internal sealed record SampleStoreLimits(int MaxSeries, int MaxSeriesPerNamespace, long MaxSamples)
{
    /// <summary>No practical bound (tests and benchmarks that construct a store directly).</summary>
    public static SampleStoreLimits None { get; } = new(int.MaxValue, int.MaxValue, long.MaxValue);
}
