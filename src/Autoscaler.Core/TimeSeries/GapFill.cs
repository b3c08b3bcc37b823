namespace Autoscaler.Core.TimeSeries;

/// <summary>How <see cref="SeriesResampler.ToRegularGrid"/> fills a grid point that has no sample.</summary>
public enum GapFill
{
    /// <summary>Repeat the last earlier value (a step function: the usual reading of bucketed demand).</summary>
    Hold,

    /// <summary>Interpolate linearly between the neighbouring samples.</summary>
    Linear,

    /// <summary>Fill with zero (a missing bucket means nothing was counted).</summary>
    Zero,
}
