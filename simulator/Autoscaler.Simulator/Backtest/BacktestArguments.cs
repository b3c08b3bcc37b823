using System.CommandLine;
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
            --events simulator/events/wc98_matches.csv --horizon 30m --origin-step 1h --models auto,persistence,auto/no-events \
            --from 1998-06-10T00:00:00Z --to 1998-06-20T00:00:00Z --out out/backtest.csv
          autoscaler-sim backtest --prometheus http://prometheus:9090 --query 'sum(increase(http_requests_total[1m]))' \
            --from 2026-11-01T00:00:00Z --to 2026-11-29T00:00:00Z --horizon 30m --origin-step 1h --out out/backtest.csv

        Refused up front (exit 2, nothing written): a --horizon longer than --history or not shorter than the trace,
        or shorter than the trace's bucket; an --origin-step finer than the trace's bucket; --from/--to outside the
        trace; a run of more than 100,000 model fits (origins x models) or 10,000,000 forecast rows.
        Progress: at a terminal, one line on stderr (origins done, elapsed, time left); none when stderr is
        redirected or with --quiet. Results go to stdout and --out only.
        Times (--from/--to): Z or an offset (+02:00, converted to UTC); without one, UTC is assumed and a note says so.

        Exit codes: 0 ok, 2 bad input (nothing written).

        """;

    /// <summary>The backtest-only options (the trace options come from <see cref="Traces.TraceOptions"/>).</summary>
    public static IEnumerable<Option> Options() =>
    [
        VerbOption.Text("--events", "CSV", "Event calendar CSV (reference below); models use it unless named with /no-events."),
        VerbOption.Text("--horizon", "DURATION", "Required. How far each origin forecasts, e.g. 30m (units s, m, h, d); at most --history and shorter than the trace."),
        VerbOption.Text("--origin-step", "DURATION", "Required. Time between forecast origins (rolling-origin spacing), e.g. 1h: origins at --from, --from + 1h, ...; units s, m, h, d; at least the trace's bucket. Not the Prometheus query step (that is --query-step). --step is the same option, kept for existing command lines.", "--step"),
        VerbOption.Text("--history", "DURATION", "Data before each origin that the models see (their training window; default: 14d); at least --horizon."),
        VerbOption.Text("--models", "LIST", "Comma-separated: auto, persistence, seasonal-naive[:PERIOD], seasonal-profile, holt-winters, holt-winters-additive, holt-winters-multiplicative, ssa; append /no-events to run a model without the calendar (default: auto,persistence,seasonal-naive:1d)."),
        VerbOption.Text("--from", "T", "First origin (ISO-8601: Z or an offset such as +02:00, converted to UTC; without one UTC is assumed and noted), inside the trace; default: once the history is available (the trace's midpoint when the trace is shorter than twice --history). With --prometheus: required, the start of the range read (origins then start once the history is available)."),
        VerbOption.Text("--to", "T", "Last origin (ISO-8601, as --from), inside the trace; default: the last origin whose horizon the trace covers. With --prometheus: required, the end of the range read."),
        VerbOption.Text("--out", "FILE", "Required. Output CSV: model,origin,target,p50,p90,p10."),
        VerbOption.Flag("--explain", "Print, for every origin and model, what was chosen (models, weights, events) to stderr."),
        VerbOption.Flag("--quiet", "No progress line on stderr (it is shown only when stderr is a terminal: origins done, elapsed, time left). Errors, warnings and notes still print."),
    ];

    /// <summary>
    /// The options' values; false with the first problem in <paramref name="error"/>. The trace source is read
    /// separately. <paramref name="notes"/> gets what the user should see about how a value was read (a time that was
    /// not UTC as typed, with the UTC instant used).
    /// </summary>
    public static bool TryParse(OptionValues a, string traceName, bool fromPrometheus, List<string> notes, out BacktestOptions? options, out string error)
    {
        options = null;
        error = string.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "--events", "--horizon", "--origin-step", "--history", "--models", "--from", "--to", "--out" })
        {
            if (a.Single(name) is { } value) values[name] = value;
        }

        foreach (var required in new[] { "--horizon", "--origin-step", "--out" })
        {
            if (!values.ContainsKey(required))
            {
                error = required == "--origin-step"
                    ? "missing required option '--origin-step' (the time between forecast origins, e.g. 1h; '--step' is the same option)"
                    : $"missing required option '{required}'";
                return false;
            }
        }

        if (fromPrometheus)
        {
            values.Remove("--from");
            values.Remove("--to");
        }

        if (!Duration(values, "--horizon", "--horizon", null, out var horizon, ref error)
            || !Duration(values, "--origin-step", a.Typed("--origin-step"), null, out var step, ref error)
            || !Duration(values, "--history", "--history", BacktestOptions.DefaultHistory, out var history, ref error)
            || !Time(values, "--from", notes, out var from, ref error)
            || !Time(values, "--to", notes, out var to, ref error))
        {
            return false;
        }

        if (horizon > history)
        {
            // A horizon past the training window is nonsense and costly (issue: --horizon 30d, meant 30m, ran for hours).
            error = $"option '--horizon': {DurationParser.Format(horizon)} is longer than --history {DurationParser.Format(history)} (the data each origin's models see): a model cannot forecast further ahead than it has seen{Hint(values["--horizon"])}";
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

        options = new BacktestOptions(traceName, values.GetValueOrDefault("--events"), horizon, step, history, models, from, to, values["--out"], a.Flag("--explain"))
        {
            StepName = a.Typed("--origin-step"),
        };
        return true;
    }

    /// <summary>"; did you mean 30m?" for a horizon given in days or hours whose number reads as minutes.</summary>
    private static string Hint(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 1 && trimmed[^1] is 'd' or 'h' && trimmed[..^1].All(char.IsAsciiDigit) ? $"; did you mean {trimmed[..^1]}m?" : string.Empty;
    }

    private static bool Duration(Dictionary<string, string> values, string key, string name, TimeSpan? fallback, out TimeSpan duration, ref string error)
    {
        duration = fallback ?? TimeSpan.Zero;
        if (!values.TryGetValue(key, out var text))
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

    private static bool Time(Dictionary<string, string> values, string name, List<string> notes, out DateTimeOffset? time, ref string error)
    {
        time = null;
        if (!values.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!TimeOption.TryParse(text, name, out var parsed, out var note))
        {
            error = TimeOption.Invalid(name, text);
            return false;
        }

        if (note is not null) notes.Add(note);
        time = parsed;
        return true;
    }
}
