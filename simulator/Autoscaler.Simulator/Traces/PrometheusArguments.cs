using System.Globalization;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;

namespace Autoscaler.Simulator.Traces;

/// <summary>Checks the <c>--prometheus</c> options of a verb and builds the source; problems go to <c>errors</c>.</summary>
internal static class PrometheusArguments
{
    /// <summary>Default <c>--step</c>: one-minute buckets, the simulator's native grid.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMinutes(1);

    public static PrometheusTraceSource? Parse(string url, string? query, string? from, string? to, string? step, List<string> errors, string stepName = "--step")
    {
        var before = errors.Count;
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            errors.Add($"option '--prometheus': '{url}' is not an http(s) URL (example: http://prometheus:9090)");
        }

        if (string.IsNullOrWhiteSpace(query)) errors.Add("option '--query': required with --prometheus (one series: the demand per --step bucket)");
        var start = Time(from, "--from", errors);
        var end = Time(to, "--to", errors);
        var bucket = DefaultStep;
        if (step is not null && (!DurationParser.TryParse(step, out bucket, out _) || bucket < TimeSpan.FromSeconds(1)))
        {
            errors.Add($"option '{stepName}': '{step}' is not a duration of at least 1s (examples: 15s, 1m, 5m)");
        }

        if (start is { } s && end is { } e && s >= e) errors.Add($"option '--from': {Cli.Instant.Format(s)} is not before --to {Cli.Instant.Format(e)}");
        if (errors.Count > before) return null;
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        return new PrometheusTraceSource(new ChunkedRangeReader(http, server!, query!, start!.Value, end!.Value, bucket), server!, query!);
    }

    private static DateTimeOffset? Time(string? text, string option, List<string> errors)
    {
        if (text is null)
        {
            errors.Add($"option '{option}': required with --prometheus (ISO-8601 UTC, e.g. 1998-06-10T00:00:00Z)");
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
        errors.Add($"option '{option}': '{text}' is not an ISO-8601 UTC time (example: 1998-06-10T00:00:00Z)");
        return null;
    }
}
