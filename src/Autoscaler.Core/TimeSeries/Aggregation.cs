namespace Autoscaler.Core.TimeSeries;

/// <summary>How <see cref="SeriesResampler.Aggregate"/> combines the samples that fall in one coarser bucket.</summary>
public enum Aggregation
{
    /// <summary>Sum (counts per bucket, such as requests).</summary>
    Sum,

    /// <summary>Arithmetic mean (rates and levels).</summary>
    Mean,

    /// <summary>Maximum (peaks, for capacity planning).</summary>
    Max,
}
