using System.Globalization;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Backtest;

/// <summary>Parses the backtest verb's options; every problem comes back as one message.</summary>
internal static class BacktestArguments
{
    public const string Usage = """
        autoscaler-sim backtest --trace CSV [--events CSV] --horizon DURATION --step DURATION
                                [--history DURATION] [--models auto,persistence,...] [--from T] [--to T] --out FILE.csv

          --trace     trace CSV 'timestamp,value' (ISO-8601 UTC)
          --events    event calendar CSV; with a header, columns by name in any order: start_utc, end_utc,
                      kind (default 'event'), expected_multiplier, description, series (only events whose series
                      is the trace's file name, or empty, are used); a match schedule with kickoff_utc lasts 2h;
                      without a header, by position: start_utc,end_utc,kind[,expected_multiplier[,description]]
          --horizon   how far each origin forecasts, e.g. 30m
          --step      time between origins, e.g. 1h
          --history   data before each origin that the models see (default 14d)
          --models    comma-separated: auto, persistence, seasonal-naive[:PERIOD], seasonal-profile,
                      holt-winters, holt-winters-additive, holt-winters-multiplicative, ssa;
                      append /no-events to run a model without the calendar (default: auto,persistence,seasonal-naive:1d)
          --from, --to  first and last origin (ISO-8601 UTC); default: from once the history is available
                      (the trace's midpoint when the trace is shorter than twice --history), to the last
                      origin whose horizon the trace covers
          --out       output CSV: model,origin,target,p50,p90,p10
          --explain   print, for every origin and model, what was chosen (models, weights, events) to stderr
        """;

    public static bool TryParse(string[] args, out BacktestOptions? options, out string error)
    {
        options = null;
        error = string.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] known = ["--trace", "--events", "--horizon", "--step", "--history", "--models", "--from", "--to", "--out"];
        var explain = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--explain")
            {
                explain = true;
                continue;
            }

            if (!known.Contains(args[i]))
            {
                error = $"unknown option '{args[i]}'";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                error = $"option '{args[i]}' needs a value";
                return false;
            }

            values[args[i]] = args[++i];
        }

        foreach (var required in new[] { "--trace", "--horizon", "--step", "--out" })
        {
            if (!values.ContainsKey(required))
            {
                error = $"missing required option '{required}'";
                return false;
            }
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

        options = new BacktestOptions(values["--trace"], values.GetValueOrDefault("--events"), horizon, step, history, models, from, to, values["--out"], explain);
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
