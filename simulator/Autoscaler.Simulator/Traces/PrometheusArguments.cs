using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;

namespace Autoscaler.Simulator.Traces;

/// <summary>Checks the <c>--prometheus</c> options of a verb and builds the source; problems go to <c>errors</c>.</summary>
internal static class PrometheusArguments
{
    /// <summary>Default <c>--step</c>: one-minute buckets, the simulator's native grid.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The source, or null with the problems in <paramref name="errors"/>; <paramref name="stepName"/> is the step's
    /// option as typed. <paramref name="notes"/> gets the UTC instant of a --from/--to that was not UTC as typed. A
    /// range of more than <see cref="TraceBounds.MaxBuckets"/> steps is refused before any request is sent.
    /// </summary>
    public static PrometheusTraceSource? Parse(string url, string? query, string? from, string? to, string? step, List<string> errors, string stepName = "--step", List<string>? notes = null)
    {
        var before = errors.Count;
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            errors.Add($"option '--prometheus': '{url}' is not an http(s) URL (example: http://prometheus:9090)");
        }

        if (string.IsNullOrWhiteSpace(query)) errors.Add("option '--query': required with --prometheus (one series: the demand per --step bucket)");
        var start = Time(from, "--from", errors, notes);
        var end = Time(to, "--to", errors, notes);
        var bucket = DefaultStep;
        if (step is not null && (!DurationParser.TryParse(step, out bucket, out _) || bucket < TimeSpan.FromSeconds(1)))
        {
            errors.Add($"option '{stepName}': '{step}' is not a duration of at least 1s (the query_range step: the width of each trace bucket read from Prometheus; examples: 15s, 1m, 5m)");
        }

        if (start is { } s && end is { } e && s >= e) errors.Add($"option '--from': {Cli.Instant.Format(s)} is not before --to {Cli.Instant.Format(e)}");
        else if (start is { } s2 && end is { } e2 && bucket >= TimeSpan.FromSeconds(1) && (e2 - s2).Ticks / bucket.Ticks >= TraceBounds.MaxBuckets)
        {
            errors.Add($"option '--from': {Cli.Instant.Format(s2)} .. {Cli.Instant.Format(e2)} in {DurationParser.Format(bucket)} steps is {(e2 - s2).Ticks / bucket.Ticks:N0} points; at most {TraceBounds.MaxBuckets:N0} (a shorter range or a coarser {stepName}; is a year mistyped?)");
        }
        if (errors.Count > before) return null;
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        return new PrometheusTraceSource(new ChunkedRangeReader(http, server!, query!, start!.Value, end!.Value, bucket), server!, query!);
    }

    private static DateTimeOffset? Time(string? text, string option, List<string> errors, List<string>? notes)
    {
        if (text is null)
        {
            errors.Add($"option '{option}': required with --prometheus (ISO-8601 UTC, e.g. 1998-06-10T00:00:00Z)");
            return null;
        }

        if (Cli.TimeOption.TryParse(text, option, out var time, out var note))
        {
            if (note is not null) notes?.Add(note);
            return time;
        }

        errors.Add(Cli.TimeOption.Invalid(option, text));
        return null;
    }
}
