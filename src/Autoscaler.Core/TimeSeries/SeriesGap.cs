namespace Autoscaler.Core.TimeSeries;

/// <summary>A stretch with no samples between two consecutive points of a series.</summary>
/// <param name="After">The last timestamp before the gap.</param>
/// <param name="Before">The first timestamp after the gap.</param>
/// <param name="MissingPoints">How many grid points are missing in between.</param>
public sealed record SeriesGap(DateTime After, DateTime Before, long MissingPoints);
