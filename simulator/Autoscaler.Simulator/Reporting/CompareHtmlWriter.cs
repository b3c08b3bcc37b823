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
            var best = all.Min(f => f[name]);
            body.Append($"<tr><td>{name}</td>");
            foreach (var f in all)
            {
                var mark = runs.Count > 1 && f[name] == best && all.Any(g => g[name] != best) ? " style=\"background:#eef7ee\"" : string.Empty;
                body.Append($"<td{mark}>{Html.Number(f[name])}</td>");
            }

            body.Append("</tr>");
        }

        body.Append("</table><p class=\"note\">Green: the lowest value in the row.</p></div><div style=\"flex:1;min-width:640px\">");
        body.Append(Chart(runs));
        body.Append("<p class=\"note\">Ready capacity of each scenario against demand, load units per minute. Shaded: overloaded under the first scenario.</p></div></div>");
        return Html.Page("Compare scenarios", body.ToString());
    }

    private static string Chart(IReadOnlyList<ReplaySummary> runs)
    {
        var t0 = runs[0].Outcome.Timeline;
        var series = new List<ChartSeries>
        {
            new("demand", "#e67e22", t0.Ticks.ToArray(), t0.Demand.ToArray(), ChartStyle.Area, RightAxis: false, KeepMax: true),
        };
        for (var r = 0; r < runs.Count; r++)
        {
            var t = runs[r].Outcome.Timeline;
            var capacity = new double[t.Count];
            for (var i = 0; i < t.Count; i++) capacity[i] = t.Ready[i] * runs[r].Scenario.Workload.CapacityPerPod;
            series.Add(new ChartSeries(runs[r].Scenario.Name, Colors[r % Colors.Length], t.Ticks.ToArray(), capacity, ChartStyle.Step, RightAxis: false, KeepMax: false));
        }

        var bands = runs[0].Outcome.OverloadPeriods.Select(p => (p.Start, p.End)).ToList();
        return SvgChart.Render(series, bands, "load units / minute", string.Empty);
    }
}
