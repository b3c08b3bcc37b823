using System.CommandLine;
using System.Globalization;
using Autoscaler.Simulator.Cli;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Backtest;

/// <summary>Parses the backtest verb's options; every problem comes back as one message.</summary>
internal static class BacktestArguments
{
    public const string Epilog = """

        Event calendar (--events): with a header, columns by name in any order: start_utc, end_utc, kind (default
        'event'), expected_multiplier, description, series (only events whose series is the trace's file name, or
        empty, are used); a match schedule with kickoff_utc lasts 2h; without a header, by position:
        start_utc,end_utc,kind[,expected_multiplier[,description]].

        Output CSV (--out): model,origin,target,p50,p90,p10, one row per model, origin and horizon step. stdout gets
        MAE, MASE, sMAPE, p90 coverage, pinball loss, under-forecast share, fit time and satOut (origins a model
        sat out because it failed) per model, and the same inside event windows when a calendar is given.

        Examples:
          autoscaler-sim backtest --trace simulator/traces/wc98_http_requests_1min_until_0627.csv \
            --events simulator/events/wc98_matches.csv --horizon 30m --step 1h --models auto,persistence,auto/no-events \
            --from 1998-06-10T00:00:00Z --to 1998-06-20T00:00:00Z --out out/backtest.csv
          autoscaler-sim backtest --prometheus http://prometheus:9090 --query 'sum(increase(http_requests_total[1m]))' \
            --from 2026-11-01T00:00:00Z --to 2026-11-29T00:00:00Z --horizon 30m --step 1h --out out/backtest.csv

        Exit codes: 0 ok, 2 bad input (nothing written).

        """;

    /// <summary>The backtest-only options (the trace options come from <see cref="Traces.TraceOptions"/>).</summary>
    public static IEnumerable<Option> Options() =>
    [
        VerbOption.Text("--events", "CSV", "Event calendar CSV (reference below); models use it unless named with /no-events."),
        VerbOption.Text("--horizon", "DURATION", "Required. How far each origin forecasts, e.g. 30m."),
        VerbOption.Text("--step", "DURATION", "Required. Time between origins, e.g. 1h."),
        VerbOption.Text("--history", "DURATION", "Data before each origin that the models see (default: 14d)."),
        VerbOption.Text("--models", "LIST", "Comma-separated: auto, persistence, seasonal-naive[:PERIOD], seasonal-profile, holt-winters, holt-winters-additive, holt-winters-multiplicative, ssa; append /no-events to run a model without the calendar (default: auto,persistence,seasonal-naive:1d)."),
        VerbOption.Text("--from", "T", "First origin (ISO-8601 UTC); default: once the history is available (the trace's midpoint when the trace is shorter than twice --history). With --prometheus: required, the start of the range read (origins then start once the history is available)."),
        VerbOption.Text("--to", "T", "Last origin (ISO-8601 UTC); default: the last origin whose horizon the trace covers. With --prometheus: required, the end of the range read."),
        VerbOption.Text("--out", "FILE", "Required. Output CSV: model,origin,target,p50,p90,p10."),
        VerbOption.Flag("--explain", "Print, for every origin and model, what was chosen (models, weights, events) to stderr."),
    ];

    /// <summary>The options' values; false with the first problem in <paramref name="error"/>. The trace source is read separately.</summary>
    public static bool TryParse(OptionValues a, string traceName, bool fromPrometheus, out BacktestOptions? options, out string error)
    {
        options = null;
        error = string.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "--events", "--horizon", "--step", "--history", "--models", "--from", "--to", "--out" })
        {
            if (a.Single(name) is { } value) values[name] = value;
        }

        foreach (var required in new[] { "--horizon", "--step", "--out" })
        {
            if (!values.ContainsKey(required))
            {
                error = $"missing required option '{required}'";
                return false;
            }
        }

        if (fromPrometheus)
        {
            values.Remove("--from");
            values.Remove("--to");
        }

        if (!Duration(values, "--horizon", null, out var horizon, ref error)
            || !Duration(values, "--step", null, out var step, ref error)
            || !Duration(values, "--history", BacktestOptions.DefaultHistory, out var history, ref error)
            || !Time(values, "--from", out var from, ref error)
            || !Time(values, "--to", out var to, ref error))
        {
            return false;
        }

        var models = values.TryGetValue("--models", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : BacktestOptions.DefaultModels.ToArray();
        if (models.Length == 0)
        {
            error = "option '--models' names no model";
            return false;
        }

        options = new BacktestOptions(traceName, values.GetValueOrDefault("--events"), horizon, step, history, models, from, to, values["--out"], a.Flag("--explain"));
        return true;
    }

    private static bool Duration(Dictionary<string, string> values, string name, TimeSpan? fallback, out TimeSpan duration, ref string error)
    {
        duration = fallback ?? TimeSpan.Zero;
        if (!values.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!DurationParser.TryParse(text, out duration, out var message) || duration <= TimeSpan.Zero)
        {
            error = $"option '{name}': {(message.Length > 0 ? message : "the duration must be positive")}";
            return false;
        }

        return true;
    }

    private static bool Time(Dictionary<string, string> values, string name, out DateTimeOffset? time, ref string error)
    {
        time = null;
        if (!values.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            error = $"option '{name}': '{text}' is not an ISO-8601 UTC time (example: 1998-06-10T00:00:00Z)";
            return false;
        }

        time = parsed;
        return true;
    }
}
