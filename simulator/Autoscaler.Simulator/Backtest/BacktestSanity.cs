using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Backtest;

/// <summary>
/// Refuses, before any model runs, a backtest that cannot make sense for the trace it was given or whose work is
/// absurd: a user's <c>--horizon 30d</c> (meant 30m) ran for more than 11 minutes without a word. Each problem names
/// the option, the trace's span or bucket, and what would be right; the verb exits 2 and writes nothing.
/// </summary>
internal static class BacktestSanity
{
    /// <summary>Most model fits (origins × models) in one run: hourly origins over 4.5 years with the 3 default models.</summary>
    public const long MaxFits = 100_000;

    /// <summary>Most forecast rows (origins × models × grid points per horizon) in one run: about 800 MB of CSV.</summary>
    public const long MaxForecastRows = 10_000_000;

    /// <summary>Every problem with running <paramref name="runner"/>'s plan on <paramref name="grid"/>; empty when it makes sense.</summary>
    public static List<InputError> Check(RegularGrid grid, BacktestOptions options, BacktestRunner runner, int models)
    {
        var errors = new List<InputError>();
        var (first, last) = (grid.Start, grid.TimeAt(grid.Count - 1));
        var trace = $"the trace runs {Instant.Format(first)} .. {Instant.Format(last)}, {DurationParser.Format(last - first)}";
        var bucket = DurationParser.Format(grid.Step);
        void Add(string option, string message) => errors.Add(new InputError(options.TracePath, 0, option, message));

        if (options.Horizon >= last - first)
        {
            Add("--horizon", $"{DurationParser.Format(options.Horizon)} is not shorter than the trace ({trace}): no origin has both history and a target to score");
        }
        else if (options.Horizon < grid.Step)
        {
            Add("--horizon", $"{DurationParser.Format(options.Horizon)} is shorter than the trace's {bucket} buckets: there is no grid point to forecast (use at least {bucket})");
        }

        if (options.Step < grid.Step)
        {
            Add(options.StepName, $"{DurationParser.Format(options.Step)} between origins is finer than the trace's {bucket} buckets: origins between two buckets see the same history and repeat each other's forecasts (use at least {bucket})");
        }

        CheckInside(options.From, "--from", first, last, trace, Add);
        CheckInside(options.To, "--to", first, last, trace, Add);
        if (errors.Count > 0) return errors;

        var origins = runner.OriginCount();
        var fits = origins * models;
        var perOrigin = Math.Max(1, options.Horizon.Ticks / grid.Step.Ticks);
        if (fits > MaxFits)
        {
            Add(options.StepName, $"{origins:N0} origins × {models} model(s) = {fits:N0} model fits; at most {MaxFits:N0} in one run (widen {options.StepName}, narrow --from/--to, or name fewer --models)");
        }
        else if (fits * perOrigin > MaxForecastRows)
        {
            Add("--horizon", $"{origins:N0} origins × {models} model(s) × {perOrigin:N0} grid points per horizon = {fits * perOrigin:N0} forecast rows; at most {MaxForecastRows:N0} in one run (shorten --horizon, widen {options.StepName}, or narrow --from/--to)");
        }

        return errors;
    }

    private static void CheckInside(DateTimeOffset? time, string option, DateTimeOffset first, DateTimeOffset last, string trace, Action<string, string> add)
    {
        if (time is not { } t) return;
        if (t < first) add(option, $"{Instant.Format(t)} is before the trace starts ({trace}): origins there have no history (is a year mistyped?)");
        else if (t > last) add(option, $"{Instant.Format(t)} is after the trace ends ({trace}): origins there have nothing to score (is a year mistyped?)");
    }
}
