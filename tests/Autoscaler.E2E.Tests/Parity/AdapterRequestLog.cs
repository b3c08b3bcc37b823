using System.Globalization;
using System.Text.RegularExpressions;

namespace Autoscaler.E2E.Tests.Parity;

/// <summary>
/// The real HPA's sync times, seen from the adapter: each sync of an HPA on an External metric reads it once
/// through the aggregator and decides right after the answer. The adapter logs each request's end (ASP.NET
/// Core's hosting diagnostics, turned on by <see cref="Arguments"/>) with a UTC timestamp to the microsecond;
/// the end, not the start, so a read that hangs shows as the stall it causes.
/// </summary>
internal static partial class AdapterRequestLog
{
    /// <summary>Adapter arguments that log every request start on one line with a UTC timestamp.</summary>
    public static readonly string[] Arguments =
    [
        "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information",
        "--Logging:Console:FormatterName=simple",
        "--Logging:Console:FormatterOptions:SingleLine=true",
        "--Logging:Console:FormatterOptions:UseUtcTimestamp=true",
        "--Logging:Console:FormatterOptions:TimestampFormat=yyyy-MM-ddTHH:mm:ss.ffffffZ ",
    ];

    /// <summary>Seconds after <paramref name="start"/> of every read of <paramref name="metric"/> in <paramref name="ns"/>, ascending.</summary>
    public static IReadOnlyList<double> Reads(string logFile, string ns, string metric, DateTimeOffset start)
    {
        var path = $"/apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/{metric}";
        var reads = new List<double>();
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var m = RequestStart().Match(line);
            if (m.Success && m.Groups["path"].Value == path)
            {
                var at = DateTimeOffset.ParseExact(m.Groups["stamp"].Value, "yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                if (at >= start)
                {
                    reads.Add(Math.Round((at - start).TotalSeconds, 3));
                }
            }
        }

        return reads;
    }

    [GeneratedRegex(@"^(?<stamp>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z) .*Request finished \S+ GET https?://[^/]+(?<path>/[^? ]+)")]
    private static partial Regex RequestStart();
}
