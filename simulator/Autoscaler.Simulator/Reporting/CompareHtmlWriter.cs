using System.Text;

namespace Autoscaler.Simulator.Reporting;

/// <summary>Writes the compare page: one table with a column per scenario and one chart of every scenario's ready capacity against demand.</summary>
internal static class CompareHtmlWriter
{
    private static readonly string[] Colors = ["#2471a3", "#7d3c98", "#17a589", "#c0392b", "#b7950b", "#566573"];

    public static string Render(IReadOnlyList<ReplaySummary> runs)
    {
        var first = runs[0];
        var body = new StringBuilder();
        body.Append($"<h1>Compare {runs.Count} scenarios</h1>");
        body.Append($"<p class=\"sub\">Trace <code>{Html.Encode(first.Trace.Path)}</code>, {Html.Time(first.Outcome.From)} → {Html.Time(first.Outcome.To)}. Lower is better for overload, unserved load and pod-hours.</p>");
        body.Append("<div style=\"display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap\"><div>");
        body.Append("<table><tr><th>field</th>");
        foreach (var run in runs) body.Append($"<th>{Html.Encode(run.Scenario.Name)}</th>");
        body.Append("</tr>");
        var all = runs.Select(r => r.NumericFields()).ToList();
        foreach (var name in ReplaySummary.NumericFieldNames)
        {
            var higherIsBetter = name == "meanUtilization";
            var best = higherIsBetter ? all.Max(f => f[name]) : all.Min(f => f[name]);
            body.Append($"<tr><td>{name}</td>");
            foreach (var f in all)
            {
                var mark = runs.Count > 1 && f[name] == best && all.Any(g => g[name] != best) ? " style=\"background:#dff0df\"" : string.Empty;
                body.Append($"<td{mark}>{Html.Number(f[name])}</td>");
            }

            body.Append("</tr>");
        }

        body.Append("</table><p class=\"note\">Green: the best value in the row (highest for meanUtilization, lowest otherwise).</p></div><div style=\"flex:1;min-width:560px\">");
        body.Append(Chart(runs, 0, runs[0].Outcome.Timeline.Count));
        body.Append("<p class=\"note\">Ready capacity of each scenario against demand, load units per minute. Shaded: overloaded under the first scenario.</p>");
        if (ZoomRange(runs[0]) is { } zoom)
        {
            body.Append($"<h2>The 24 hours around {Html.Encode(runs[0].Scenario.Name)}'s worst overload</h2>").Append(Chart(runs, zoom.From, zoom.To));
        }

        body.Append("</div></div>");
        return Html.Page("Compare scenarios", body.ToString(), maxWidth: 1700);
    }

    private static string Chart(IReadOnlyList<ReplaySummary> runs, int from, int to)
    {
        var t0 = runs[0].Outcome.Timeline;
        var series = new List<ChartSeries>
        {
            new("demand", "#f0a04b", t0.Ticks[from..to].ToArray(), t0.Demand[from..to].ToArray(), ChartStyle.Area, RightAxis: false, KeepMax: true),
        };
        for (var r = 0; r < runs.Count; r++)
        {
            // Every run syncs at the same instants (same trace, range and period), so one index range fits all;
            // a run with another sync period is clipped to its own length.
            var t = runs[r].Outcome.Timeline;
            var (lo, hi) = (Math.Min(from, t.Count), Math.Min(to, t.Count));
            var capacity = new double[hi - lo];
            for (var i = lo; i < hi; i++) capacity[i - lo] = t.Ready[i] * runs[r].Scenario.Workload.CapacityPerPod;
            series.Add(new ChartSeries(runs[r].Scenario.Name, Colors[r % Colors.Length], t.Ticks[lo..hi].ToArray(), capacity, ChartStyle.Step, RightAxis: false, KeepMax: false));
        }

        var bands = runs[0].Outcome.OverloadPeriods.Select(p => (p.Start, p.End)).ToList();
        // Event windows of the first run that has a calendar (the runs of a comparison share one trace and calendar).
        var events = runs.Select(r => r.Outcome.Prescale).FirstOrDefault(p => p is not null)?.Events.Select(e => (e.Start, e.End)).ToList();
        return SvgChart.Render(series, bands, "load units / minute", string.Empty, events: events);
    }

    private static (int From, int To)? ZoomRange(ReplaySummary run)
    {
        var worst = run.Outcome.OverloadPeriods.MaxBy(p => p.UnservedLoad);
        var t = run.Outcome.Timeline;
        if (worst is null || run.Outcome.To - run.Outcome.From <= TimeSpan.FromDays(2)) return null;
        var from = Index(t.Ticks, worst.Start.Ticks - (TimeSpan.TicksPerHour * 12));
        var to = Index(t.Ticks, worst.Start.Ticks + (TimeSpan.TicksPerHour * 12));
        return to - from < 2 ? null : (from, to);
    }

    private static int Index(ReadOnlySpan<long> ticks, long value)
    {
        var i = ticks.BinarySearch(value);
        return i >= 0 ? i : ~i;
    }
}
