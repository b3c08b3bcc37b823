using System.CommandLine;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Backtest;

/// <summary>
/// <c>autoscaler-sim backtest</c>: rolling-origin backtest of forecasting models on a trace; writes every
/// forecast to a CSV and prints MAE, MASE, sMAPE, p90 coverage, pinball loss, under-forecast share and
/// fit time per model (and the same inside event windows when a calendar is given).
/// </summary>
internal static class BacktestVerb
{
    /// <summary>The <c>backtest</c> command and the reference text its <c>--help</c> ends with.</summary>
    public static (Command Command, string Epilog) Create()
    {
        var command = new Command("backtest", "Rolling-origin backtest of forecasting models on a trace: every origin forecasts --horizon ahead from the --history before it; writes every forecast to a CSV and prints the accuracy per model.");
        foreach (var option in TraceOptions.All()) command.Add(option);
        foreach (var option in BacktestArguments.Options()) command.Add(option);
        command.SetAction(result => Run(new OptionValues(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return (command, BacktestArguments.Epilog);
    }

    private static int Run(OptionValues a, TextWriter stdout, TextWriter stderr)
    {
        var notes = new List<string>();
        var (tracePath, prometheus) = (a.Single("--trace"), a.Single("--prometheus"));
        if (tracePath is null && prometheus is null)
        {
            return Fail(stderr, "autoscaler-sim backtest: missing required option '--trace' (or --prometheus URL with --query)");
        }

        var source = prometheus is null ? null : PrometheusArguments.Parse(prometheus, a.Single("--query"), a.Single("--from"), a.Single("--to"), a.Single("--query-step"), a.Errors, "--query-step", notes);
        if (prometheus is null && (a.Single("--query") is not null || a.Single("--query-step") is not null)) a.Errors.Add("--query and --query-step go with --prometheus");

        if (tracePath is not null && prometheus is not null) a.Errors.Add("give either --trace FILE or --prometheus URL with --query");
        if (a.Errors.Count > 0) return Fail(stderr, string.Join('\n', a.Errors.Select(e => $"autoscaler-sim backtest: {e}")) + "\nRun 'autoscaler-sim backtest --help' for the options.");
        var traceName = source?.Name ?? tracePath!;
        if (!BacktestArguments.TryParse(a, traceName, source is not null, notes, out var options, out var error))
        {
            return Fail(stderr, $"autoscaler-sim backtest: {error}\nRun 'autoscaler-sim backtest --help' for the options.");
        }

        foreach (var note in notes.Distinct()) stderr.WriteLine($"autoscaler-sim backtest: note: {note}");

        Series? trace;
        try
        {
            trace = source is null ? LoadTrace(tracePath!, stderr) : Report(source.Fetch(stderr), source.Name, stderr);
        }
        catch (InputErrorException e)
        {
            foreach (var problem in e.Errors) stderr.WriteLine(problem);
            return VerbDispatcher.BadInput;
        }

        var events = options!.EventsPath is null ? Array.Empty<ScheduledEvent>() : LoadEvents(options.EventsPath, Path.GetFileName(options.TracePath), stderr);
        if (trace is null || events is null)
        {
            return VerbDispatcher.BadInput;
        }

        var models = new List<BacktestModel>();
        foreach (var spec in options.Models)
        {
            var usesEvents = !spec.EndsWith(BacktestOptions.NoEventsSuffix, StringComparison.Ordinal);
            var name = usesEvents ? spec : spec[..^BacktestOptions.NoEventsSuffix.Length];
            if (!ForecasterCatalog.TryCreate(name, out var forecaster, out var modelError))
            {
                return Fail(stderr, $"autoscaler-sim backtest: option '--models': {modelError}");
            }

            models.Add(new BacktestModel(spec, forecaster!, usesEvents));
        }

        var grid = RegularGrid.FromSeries(trace);
        // The CLI is the composition root: fit time is wall time on the real clock.
        var runner = new BacktestRunner(grid, events, options, TimeProvider.System);
        if (BacktestSanity.Check(grid, options, runner, models.Count) is { Count: > 0 } nonsense)
        {
            return Fail(stderr, string.Join('\n', nonsense) + "\nRun 'autoscaler-sim backtest --help' for the options.");
        }

        var origins = runner.Origins();
        if (origins.Count == 0)
        {
            return Fail(stderr, $"{options.TracePath}: no origin between --from and --to leaves a horizon inside the trace ({Instant.Format(grid.Start)} .. {Instant.Format(grid.TimeAt(grid.Count - 1))})");
        }

        var progress = TerminalProgress.For(stderr, a.Flag("--quiet")).Counter($"backtest {models.Count} model(s)", origins.Count, "origins", TimeProvider.System);

        var all = models.Select(m => new ModelScore(m.Label)).ToArray();
        var inEvents = models.Select(m => new ModelScore(m.Label)).ToArray();
        try
        {
            Reporting.OutputFile.Write(options.OutPath, csv => runner.Run(origins, models, csv, all, inEvents, options.Explain ? stderr : null, progress));
        }
        catch (Reporting.OutputWriteException e)
        {
            return Fail(stderr, e.Message);
        }

        var scale = runner.MaseScale(origins[0]);
        var span = $"{origins.Count} origins {origins[0]:yyyy-MM-ddTHH:mmZ} .. {origins[^1]:yyyy-MM-ddTHH:mmZ}, horizon {DurationParser.Format(options.Horizon)}, origin step {DurationParser.Format(options.Step)}, history {DurationParser.Format(options.History)}, grid {DurationParser.Format(grid.Step)}";
        ScoreTable.Write(stdout, $"{Path.GetFileName(options.TracePath)}: {span}", all, scale, withFitTime: true);
        if (events.Count > 0)
        {
            ScoreTable.Write(stdout, "inside event windows [start, end):", inEvents, scale, withFitTime: false);
        }

        stdout.WriteLine($"forecasts written to {options.OutPath}");
        return 0;
    }

    private static Series? LoadTrace(string path, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"{path}: error: file not found");
            return null;
        }

        if (Inputs.KindHint.Check(path, "--trace") is { } wrongKind)
        {
            stderr.WriteLine(wrongKind);
            return null;
        }

        var series = Report(TraceFile.Parse(path), path, stderr);
        if (series is not null && TraceOffsets.Note(path, series) is { } note) stderr.WriteLine(note);
        return series;
    }

    private static Series? Report(TraceParseResult result, string name, TextWriter stderr)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (result.Assembled is not { } assembled) return null;
        if (TraceBounds.Check(name, assembled.Series, assembled.Report.Interval ?? TimeSpan.FromMinutes(1)) is { } problem)
        {
            stderr.WriteLine(problem);
            return null;
        }

        return assembled.Series;
    }

    /// <summary>The calendar's events for this trace: those without a series, and those whose series names the trace file.</summary>
    private static IReadOnlyList<ScheduledEvent>? LoadEvents(string path, string traceName, TextWriter stderr)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"{path}: error: file not found");
            return null;
        }

        if (Inputs.KindHint.Check(path, "--events") is { } wrongKind)
        {
            stderr.WriteLine(wrongKind);
            return null;
        }

        using var reader = new StreamReader(path);
        var result = EventCalendarParser.Parse(reader, path);
        foreach (var diagnostic in result.Diagnostics)
        {
            stderr.WriteLine(diagnostic.ToString());
        }

        if (result.Events is null)
        {
            return null;
        }

        var mine = result.Events.Where(e => e.Series is null || string.Equals(e.Series, traceName, StringComparison.Ordinal)).ToList();
        if (mine.Count < result.Events.Count)
        {
            stderr.WriteLine($"{path}: {result.Events.Count - mine.Count} of {result.Events.Count} events belong to other series than '{traceName}' and are left out");
        }

        return mine;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return VerbDispatcher.BadInput;
    }
}
