using System.Globalization;
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

    /// <summary>Resolves <c>--from/--to</c> against the trace: defaults to the whole trace, errors name the option.</summary>
    public static (DateTime From, DateTime To) Range(LoadedTrace trace, string? fromText, string? toText)
    {
        var errors = new List<InputError>();
        var from = fromText is null ? trace.PerMinute.Start : ParseTime(fromText, "--from", errors);
        var to = toText is null ? trace.End : ParseTime(toText, "--to", errors);
        if (errors.Count == 0 && from >= to)
        {
            errors.Add((fromText, toText) switch
            {
                (_, null) => new InputError("command line", 0, "--from", $"{Instant.Format(from)} is not before the end of the trace ({Instant.Format(to)})"),
                (null, _) => new InputError("command line", 0, "--to", $"{Instant.Format(to)} is not after the start of the trace ({Instant.Format(from)})"),
                _ => new InputError("command line", 0, "--from", $"{Instant.Format(from)} is not before --to {Instant.Format(to)}"),
            });
        }
        else if (errors.Count == 0 && (to <= trace.PerMinute.Start || from >= trace.End))
        {
            errors.Add(new InputError("command line", 0, "--from/--to", $"the range does not overlap the trace ({Instant.Format(trace.PerMinute.Start)} to {Instant.Format(trace.End)})"));
        }

        if (errors.Count > 0) throw new InputErrorException(errors);
        return (from, to);
    }

    private static DateTime ParseTime(string text, string option, List<InputError> errors)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)) return t;
        errors.Add(new InputError("command line", 0, option, $"'{text}' is not an ISO-8601 UTC time (example: 1998-06-10T00:00:00Z)"));
        return default;
    }
}
