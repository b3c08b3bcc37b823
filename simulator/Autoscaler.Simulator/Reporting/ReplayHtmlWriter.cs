using System.Text;
using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Reporting;

/// <summary>Writes <c>report.html</c> for one replay: headline numbers, the chart, the summary, the overloaded periods.</summary>
internal static class ReplayHtmlWriter
{
    private const int ListedPeriods = 40;

    public static string Render(ReplaySummary summary, string echoJson)
    {
        var o = summary.Outcome;
        var s = summary.Scenario;
        var fields = summary.NumericFields();
        var body = new StringBuilder();
        body.Append($"<h1>Replay: {Html.Encode(s.Name)}</h1>");
        body.Append($"<p class=\"sub\">{Html.Encode(s.Description ?? string.Empty)} Trace <code>{Html.Encode(summary.Trace.Path)}</code>, {Html.Time(o.From)} → {Html.Time(o.To)}, HPA profile {Html.Encode(s.Hpa.Profile)}, sync every {s.Hpa.SyncPeriodSeconds} s.</p>");
        body.Append("<div class=\"cards\">");
        Card(body, "overloaded minutes", fields["overloadMinutes"], fields["overloadMinutes"] > 0);
        Card(body, "unserved load (" + Html.Number(fields["unservedFraction"] * 100) + " % of demand)", fields["unservedLoad"], fields["unservedLoad"] > 0);
        Card(body, "pod-hours", fields["podHours"], null);
        Card(body, "peak replicas", fields["peakReplicas"], null);
        Card(body, "scale-ups / downs", o.ScaleUps, null, $"{o.ScaleUps} / {o.ScaleDowns}");
        Card(body, "mean utilization", fields["meanUtilization"], null, $"{fields["meanUtilization"] * 100:0.#} %");
        body.Append("</div>");

        body.Append("<h2>Demand against ready capacity</h2>");
        body.Append(Chart(summary));
        body.Append($"<p class=\"note\">Top: demand and ready capacity (ready replicas × capacityPerPod) in load units per minute. Bottom: replicas the HPA asked for and replicas ready. Shaded: demand above ready capacity. {Html.Encode(summary.Trace.Normalization)}.</p>");
        if (Zoom(summary, out var zoomTitle) is { } zoom) body.Append($"<h2>{Html.Encode(zoomTitle)}</h2>").Append(zoom);

        body.Append("<h2>Summary</h2><table><tr><th>field</th><th>value</th></tr>");
        foreach (var (name, value) in fields) body.Append($"<tr><td>{name}</td><td>{Html.Number(value)}</td></tr>");
        body.Append($"<tr><td>from</td><td>{Html.Time(o.From)}</td></tr><tr><td>to</td><td>{Html.Time(o.To)}</td></tr></table>");
        body.Append($"<p class=\"note\">Trace: {Html.Encode(summary.Trace.Report.Describe())}.</p>");

        if (o.Prescale is { } p) PrescaleHtml.Append(body, p);
        AppendPeriods(body, o.OverloadPeriods);
        body.Append($"<h2>Scenario</h2><pre>{Html.Encode(echoJson)}</pre>");
        return Html.Page($"Replay {s.Name}", body.ToString());
    }

    internal static string Chart(ReplaySummary summary) => Chart(summary, 0, summary.Outcome.Timeline.Count);

    private static string Chart(ReplaySummary summary, int from, int to)
    {
        var (ticks, demand, capacity, replicas, ready) = Columns(summary, from, to);
        var series = new List<ChartSeries>
        {
            new("demand", "#f0a04b", ticks, demand, ChartStyle.Area, RightAxis: false, KeepMax: true),
            new("ready capacity", "#1f4e79", ticks, capacity, ChartStyle.Step, RightAxis: false, KeepMax: false),
        };
        var pods = new List<ChartSeries>
        {
            new("replicas (spec)", "#7d8c3c", ticks, replicas, ChartStyle.Step, RightAxis: false, KeepMax: true),
            new("ready replicas", "#1f4e79", ticks, ready, ChartStyle.Step, RightAxis: false, KeepMax: false),
        };
        var prescale = summary.Outcome.Prescale;
        if (prescale is not null)
        {
            var t = summary.Outcome.Timeline;
            var floor = new double[to - from];
            for (var i = 0; i < floor.Length; i++) floor[i] = t.Floor[from + i];
            pods.Add(new("planner floor", "#8e44ad", ticks, floor, ChartStyle.Step, RightAxis: false, KeepMax: true));
        }

        var bands = summary.Outcome.OverloadPeriods.Select(p => (p.Start, p.End)).ToList();
        var events = prescale?.Events.Select(e => (e.Start, e.End)).ToList();
        return SvgChart.Render(series, bands, "load units / minute", string.Empty, events: events)
            + SvgChart.Render(pods, bands, "pods", string.Empty, height: 200, events: events);
    }

    // The 24 hours around the worst overload (or the demand peak when nothing overloaded).
    private static string? Zoom(ReplaySummary summary, out string title)
    {
        var t = summary.Outcome.Timeline;
        title = string.Empty;
        if (t.Count < 2 || summary.Outcome.To - summary.Outcome.From <= TimeSpan.FromDays(2)) return null;
        var worst = summary.Outcome.OverloadPeriods.MaxBy(p => p.UnservedLoad);
        long centre;
        if (worst is not null)
        {
            centre = worst.Start.Ticks;
            title = $"The 24 hours around the worst overload ({Html.Time(worst.Start)})";
        }
        else
        {
            var peak = 0;
            for (var i = 1; i < t.Count; i++) if (t.Demand[i] > t.Demand[peak]) peak = i;
            centre = t.Ticks[peak];
            title = $"The 24 hours around the demand peak ({Html.Time(new DateTime(centre, DateTimeKind.Utc))})";
        }

        var from = LowerBound(t.Ticks, centre - (TimeSpan.TicksPerHour * 12));
        var to = LowerBound(t.Ticks, centre + (TimeSpan.TicksPerHour * 12));
        return to - from < 2 ? null : Chart(summary, from, to);
    }

    private static int LowerBound(ReadOnlySpan<long> ticks, long value)
    {
        var i = ticks.BinarySearch(value);
        return i >= 0 ? i : ~i;
    }

    private static (long[] Ticks, double[] Demand, double[] Capacity, double[] Replicas, double[] Ready) Columns(ReplaySummary summary, int from, int to)
    {
        var t = summary.Outcome.Timeline;
        var n = to - from;
        var (capacity, replicas, ready) = (new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            capacity[i] = t.Ready[from + i] * summary.Scenario.Workload.CapacityPerPod;
            replicas[i] = t.Replicas[from + i];
            ready[i] = t.Ready[from + i];
        }

        return (t.Ticks[from..to].ToArray(), t.Demand[from..to].ToArray(), capacity, replicas, ready);
    }

    private static void AppendPeriods(StringBuilder body, IReadOnlyList<OverloadPeriod> periods)
    {
        body.Append($"<h2>Overloaded periods ({periods.Count})</h2>");
        if (periods.Count == 0)
        {
            body.Append("<p>None: ready capacity covered demand throughout.</p>");
            return;
        }

        var listed = periods.OrderByDescending(p => p.UnservedLoad).Take(ListedPeriods).OrderBy(p => p.Start).ToList();
        if (listed.Count < periods.Count) body.Append($"<p class=\"note\">The {listed.Count} periods with the most unserved load, in time order.</p>");
        body.Append("<table><tr><th>start</th><th>end</th><th>minutes</th><th>unserved load</th><th>peak demand / min</th><th>lowest ready capacity / min</th></tr>");
        foreach (var p in listed)
        {
            body.Append($"<tr><td>{Html.Time(p.Start)}</td><td>{Html.Time(p.End)}</td><td>{Html.Number(p.Minutes)}</td><td>{Html.Number(p.UnservedLoad)}</td><td>{Html.Number(p.PeakDemand)}</td><td>{Html.Number(p.MinReadyCapacity)}</td></tr>");
        }

        body.Append("</table>");
    }

    private static void Card(StringBuilder body, string label, double value, bool? bad, string? text = null)
    {
        var cls = bad switch { true => "card bad", false => "card good", null => "card" };
        body.Append($"<div class=\"{cls}\"><b>{Html.Encode(text ?? Html.Number(value))}</b><span>{Html.Encode(label)}</span></div>");
    }
}
