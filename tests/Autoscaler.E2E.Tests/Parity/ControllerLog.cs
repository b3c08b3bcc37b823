using System.Globalization;
using System.Text.RegularExpressions;
using Autoscaler.Simulator.Parity;

namespace Autoscaler.E2E.Tests.Parity;

/// <summary>
/// The real controller's own account of its decisions: kube-controller-manager logs every event it emits
/// (<c>event.go "Event occurred" ... reason="SuccessfulRescale" message="New size: N; ..."</c>) with a klog
/// timestamp (<c>I1130 11:47:57.554476</c>: month, day and local time to the microsecond). Read from the
/// control plane's log file to cross-check the sampled Deployment trajectory (a sample every 250 ms could
/// in principle miss a change) and to show the decision times on the controller's clock.
/// </summary>
internal static partial class ControllerLog
{
    /// <summary>The HPA's rescales since <paramref name="start"/>, seconds after it; null when the log is not readable here.</summary>
    public static IReadOnlyList<ReplicaChange>? Rescales(string logFile, string ns, string hpa, DateTimeOffset start)
    {
        if (!File.Exists(logFile))
        {
            return null;
        }

        var changes = new List<ReplicaChange>();
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var m = Rescale().Match(line);
            if (!m.Success || m.Groups["object"].Value != $"{ns}/{hpa}")
            {
                continue;
            }

            var local = DateTime.ParseExact($"{start.LocalDateTime.Year}{m.Groups["stamp"].Value}", "yyyyMMdd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
            var at = (new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)) - start).TotalSeconds;
            if (at >= 0)
            {
                changes.Add(new ReplicaChange(Math.Round(at, 3), int.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture)));
            }
        }

        return changes;
    }

    [GeneratedRegex("""^I(?<stamp>\d{4} \d{2}:\d{2}:\d{2}\.\d{6}) .*"Event occurred" object="(?<object>[^"]+)" kind="HorizontalPodAutoscaler" .*reason="SuccessfulRescale" message="New size: (?<size>\d+);""")]
    private static partial Regex Rescale();
}
