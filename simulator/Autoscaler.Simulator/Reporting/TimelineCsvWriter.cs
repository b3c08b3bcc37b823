using System.Globalization;
using System.Text;
using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Reporting;

/// <summary>Writes <c>timeline.csv</c>: one row per HPA sync.</summary>
internal static class TimelineCsvWriter
{
    public const string Header = "time,demand,metricValue,desiredReplicas,replicas,readyReplicas,capacity";

    /// <summary>Writes the timeline; <paramref name="withFloor"/> adds the planner's <c>floor</c> column (0: none).</summary>
    public static void Write(TextWriter writer, Timeline timeline, double capacityPerPod, bool withFloor = false)
    {
        writer.Write(Header);
        if (withFloor) writer.Write(",floor");
        writer.Write('\n');
        var line = new StringBuilder(96);
        var c = CultureInfo.InvariantCulture;
        for (var i = 0; i < timeline.Count; i++)
        {
            line.Clear();
            line.Append(new DateTime(timeline.Ticks[i], DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", c)).Append(',')
                .Append(timeline.Demand[i].ToString("0.####", c)).Append(',')
                .Append(timeline.Metric[i].ToString("0.####", c)).Append(',')
                .Append(timeline.Desired[i].ToString(c)).Append(',')
                .Append(timeline.Replicas[i].ToString(c)).Append(',')
                .Append(timeline.Ready[i].ToString(c)).Append(',')
                .Append((timeline.Ready[i] * capacityPerPod).ToString("0.####", c));
            if (withFloor) line.Append(',').Append(timeline.Floor[i].ToString(c));
            line.Append('\n');
            writer.Write(line);
        }
    }
}
