using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Traces;

/// <summary>A trace read from disk and normalized to demand per minute, with what was done to it.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="PerMinute">Demand per minute, one point per source bucket (a step function).</param>
/// <param name="Report">Grid, gaps, duplicates and disorder found in the file.</param>
/// <param name="Interval">The bucket length (the dominant interval; 1 minute for a single-point trace).</param>
/// <param name="Normalization">How bucket totals were turned into per-minute demand, in words.</param>
internal sealed record LoadedTrace(string Path, Series PerMinute, IrregularityReport Report, TimeSpan Interval, string Normalization)
{
    /// <summary>End of the last bucket: the natural end of a replay.</summary>
    public DateTime End => PerMinute.End + Interval;
}
