namespace Autoscaler.Simulator.Reporting;

/// <summary>How a chart series is drawn.</summary>
internal enum ChartStyle
{
    Area,
    Line,
    Step,
}

/// <summary>One line of a chart. <paramref name="KeepMax"/> picks which value represents a pixel column when
/// the data is denser than the chart: the peak for demand and replicas, the trough for capacity, so
/// a short overload never disappears in the drawing.</summary>
internal sealed record ChartSeries(string Name, string Color, long[] Ticks, double[] Values, ChartStyle Style, bool RightAxis, bool KeepMax);
