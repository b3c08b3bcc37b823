using System.Text;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Prescale;

namespace Autoscaler.Simulator.Reporting;

/// <summary>The planner's section of report.html: what it held, and how each scheduled event went.</summary>
internal static class PrescaleHtml
{
    public static void Append(StringBuilder body, PrescaleOutcome p)
    {
        body.Append("<h2>Pre-scale planner</h2>");
        body.Append($"<p>Mode <b>{Html.Encode(p.Mode.ToString().ToLowerInvariant())}</b>, actuation <b>{Html.Encode(p.Actuation.ToString())}</b>, forecaster <code>{Html.Encode(p.Forecaster)}</code>, lead time {Html.Encode(p.LeadTime.HowComputed)}. ");
        body.Append($"A floor was {(p.Mode == Autoscaler.Core.Planning.PlanningMode.Auto ? "held" : "wanted (not applied)")} for {Html.Number(p.FloorMinutes)} minutes ({Html.Number(p.PrescalePodHours)} pod-hours in those minutes); {p.Decisions.Count} decision changes are in decisions.jsonl.</p>");
        body.Append($"<p>Inside the scheduled event windows ({Html.Number(p.EventMinutes)} minutes): {Html.Number(p.EventOverloadMinutes)} overloaded minutes, {Html.Number(p.EventPodHours)} pod-hours.</p>");
        if (p.Events.Count == 0) return;
        body.Append("<table><tr><th>event</th><th>start</th><th>end</th><th>overloaded minutes</th><th>time to capacity</th><th>pod-hours</th></tr>");
        foreach (var e in p.Events)
        {
            var ttc = DurationParser.Format(TimeSpan.FromSeconds(Math.Round(e.TimeToCapacitySeconds)));
            body.Append($"<tr><td>{Html.Encode(e.Kind)} {Html.Encode(e.Description ?? string.Empty)}</td><td>{Html.Time(e.Start)}</td><td>{Html.Time(e.End)}</td><td>{Html.Number(e.OverloadMinutes)}</td><td>{ttc}</td><td>{Html.Number(e.PodHours)}</td></tr>");
        }

        body.Append("</table>");
    }
}
