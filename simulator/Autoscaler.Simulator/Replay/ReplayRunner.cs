using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Keda;
using Autoscaler.Simulator.Prescale;
using Autoscaler.Simulator.Reporting;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Replay;

/// <summary>Runs one scenario over a loaded trace: the part replay and compare share.</summary>
internal static class ReplayRunner
{
    public static ReplaySummary Run(LoadedTrace trace, Scenario scenario, DateTime from, DateTime to, Action<double>? progress)
    {
        var demand = new DemandTrace(trace.PerMinute.Scale(scenario.Workload.ValueScale));
        var decider = new HpaDecider(scenario);
        var prescale = scenario.Prescale is null ? null : new PrescaleDriver(scenario, demand);
        IReplicaDecider replicas = scenario.Keda is null ? decider : new KedaDecider(scenario.Keda, decider, from);
        var outcome = new ReplayEngine(scenario, demand, replicas, progress, prescale).Run(from, to);
        if (prescale is not null) outcome = outcome with { Prescale = PrescaleAccounting.Compute(prescale, outcome) };
        return new ReplaySummary(scenario, ScenarioEcho.Create(scenario, decider.EffectiveSpec), trace, outcome);
    }

    /// <summary>
    /// Resolves <c>--from/--to</c> against the trace: defaults to the whole trace, errors name the option. A range that
    /// reaches more than one bucket outside the trace is refused (a mistyped year would replay decades of a held
    /// value). A time that was not UTC as typed gets a note on <paramref name="notes"/> with the UTC instant used.
    /// </summary>
    public static (DateTime From, DateTime To) Range(LoadedTrace trace, string? fromText, string? toText, TextWriter? notes = null)
    {
        var errors = new List<InputError>();
        var from = fromText is null ? trace.PerMinute.Start : ParseTime(fromText, "--from", errors, notes);
        var to = toText is null ? trace.End : ParseTime(toText, "--to", errors, notes);
        var (start, end) = (trace.PerMinute.Start, trace.End);
        if (errors.Count == 0 && from >= to)
        {
            errors.Add((fromText, toText) switch
            {
                (_, null) => new InputError("command line", 0, "--from", $"{Instant.Format(from)} is not before the end of the trace ({Instant.Format(to)})"),
                (null, _) => new InputError("command line", 0, "--to", $"{Instant.Format(to)} is not after the start of the trace ({Instant.Format(from)})"),
                _ => new InputError("command line", 0, "--from", $"{Instant.Format(from)} is not before --to {Instant.Format(to)}"),
            });
        }
        else if (errors.Count == 0 && (to <= start || from >= end))
        {
            errors.Add(new InputError("command line", 0, "--from/--to", $"the range does not overlap the trace ({Instant.Format(start)} to {Instant.Format(end)})"));
        }
        else if (errors.Count == 0)
        {
            if (from < start - trace.Interval)
            {
                errors.Add(new InputError("command line", 0, "--from", $"{Instant.Format(from)} is before the trace starts ({Instant.Format(start)}): there is no demand to replay before it (is a year mistyped?)"));
            }

            if (to > end + trace.Interval)
            {
                errors.Add(new InputError("command line", 0, "--to", $"{Instant.Format(to)} is after the trace ends ({Instant.Format(end)}): there is no demand to replay after it (is a year mistyped?)"));
            }
        }

        if (errors.Count > 0) throw new InputErrorException(errors);
        return (from, to);
    }

    private static DateTime ParseTime(string text, string option, List<InputError> errors, TextWriter? notes)
    {
        if (TimeOption.TryParse(text, option, out var t, out var note))
        {
            if (note is not null) notes?.WriteLine($"autoscaler-sim: note: {note}");
            return t.UtcDateTime;
        }

        errors.Add(new InputError("command line", 0, option, $"'{text}' is not an ISO-8601 UTC time (example: 1998-06-10T00:00:00Z, or with an offset: 1998-06-10T02:00:00+02:00)"));
        return default;
    }
}
