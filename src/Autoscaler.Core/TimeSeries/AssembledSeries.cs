namespace Autoscaler.Core.TimeSeries;

/// <summary>A cleaned series together with the report of what had to be cleaned.</summary>
/// <param name="Series">Sorted, de-duplicated series.</param>
/// <param name="Report">Gaps, duplicates, out-of-order and off-grid points found on the way.</param>
public sealed record AssembledSeries(Series Series, IrregularityReport Report);
