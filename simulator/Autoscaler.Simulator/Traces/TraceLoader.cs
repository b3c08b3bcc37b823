using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Traces;

/// <summary>
/// Reads a trace (CSV, or a saved Prometheus query_range JSON) through the core parser and normalizes per-bucket demand to per-minute
/// demand (a 5-minute bucket of 500 becomes 100 per minute). Errors come back as <see cref="InputError"/>s, including
/// a trace beyond <see cref="TraceBounds"/>.
/// </summary>
internal static class TraceLoader
{
    public static LoadedTrace Load(string path, TextWriter notes)
    {
        if (!File.Exists(path)) throw new InputErrorException(new InputError(path, 0, string.Empty, "trace file not found"));
        var trace = FromParsed(path, TraceFile.Parse(path), notes);
        if (TraceOffsets.Note(path, trace.PerMinute) is { } note) notes.WriteLine(note);
        return trace;
    }

    /// <summary>A parsed trace (from a file or from Prometheus) checked and normalized to demand per minute.</summary>
    public static LoadedTrace FromParsed(string path, TraceParseResult parsed, TextWriter notes)
    {
        if (!parsed.Succeeded)
        {
            throw new InputErrorException(parsed.Errors.Select(e => new InputError(path, e.Line, e.Field, e.Message)).ToList());
        }

        foreach (var warning in parsed.Diagnostics) notes.WriteLine(warning);
        var (series, report) = parsed.Assembled!;
        var negative = series.Values.ToArray().Count(v => v < 0);
        if (negative > 0)
        {
            var lines = NegativeRows.FirstLines(path, 5);
            var first = Array.FindIndex(series.Values.ToArray(), v => v < 0);
            var where = lines.Count > 0
                ? $" (first at line{(lines.Count > 1 ? "s" : string.Empty)} {string.Join(", ", lines)})"
                : $" (first at {Cli.Instant.Format(series.Times[first])})";
            throw new InputErrorException(new InputError(path, lines.Count > 0 ? lines[0] : 0, "value", $"{negative} row(s) have negative demand{where}; demand must be ≥ 0"));
        }

        var interval = report.Interval ?? TimeSpan.FromMinutes(1);
        var problem = TraceBounds.Check(path, series, interval)
            ?? TraceBounds.CheckDemand(path, series, TimeSpan.FromMinutes(1) / interval, $"once {DurationParser.Format(interval)} buckets are normalised to demand per minute");
        if (problem is not null) throw new InputErrorException(problem);
        var perMinute = SeriesResampler.ToRate(series, interval, TimeSpan.FromMinutes(1));
        var normalization = interval == TimeSpan.FromMinutes(1)
            ? "1-minute buckets: values used as demand per minute"
            : $"{DurationParser.Format(interval)} buckets: each value is demand per bucket, multiplied by {TimeSpan.FromMinutes(1) / interval:0.####} to give demand per minute";
        return new LoadedTrace(path, perMinute, report, interval, normalization);
    }
}
