using System.CommandLine;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Traces;
using Autoscaler.Simulator.Gates;
using Autoscaler.Simulator.Reporting;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Replay;

/// <summary>Pieces replay and compare share: gate parsing, error printing, the one-line result.</summary>
internal static class VerbSupport
{
    public const int Ok = 0, GateBreached = 1, BadInput = 2;

    /// <summary>
    /// A replaying verb's command: the trace options, the scenario sources (repeatable when <paramref name="several"/>),
    /// <c>--out</c> and <c>--fail-if</c> with their verb's wording, and <paramref name="run"/> as its action.
    /// </summary>
    public static (Command Command, string Epilog) ReplayCommand(
        string name, string description, bool several, string outDescription, string failIfDescription, Func<OptionValues, TextWriter, TextWriter, int> run, string epilog)
    {
        var command = new Command(name, description);
        foreach (var option in TraceOptions.All(stepAlias: "--step")) command.Add(option);
        foreach (var option in ScenarioSources.Options(several)) command.Add(option);
        command.Add(VerbOption.Text("--out", "DIR", outDescription));
        command.Add(VerbOption.Repeated("--fail-if", "EXPR", failIfDescription));
        command.Add(VerbOption.Flag("--quiet", "No progress line on stderr (it is shown only when stderr is a terminal). Errors, warnings and notes still print."));
        command.SetAction(result => run(new OptionValues(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return (command, epilog);
    }

    public static List<FailIfGate> ParseGates(IReadOnlyList<string> texts, List<string> errors)
    {
        var gates = new List<FailIfGate>();
        foreach (var text in texts)
        {
            if (FailIfGate.TryParse(text, ReplaySummary.NumericFieldNames, out var error) is { } gate) gates.Add(gate);
            else errors.Add(error);
        }

        return gates;
    }

    public static int Fail(TextWriter stderr, string verb, IEnumerable<string> errors)
    {
        foreach (var error in errors) stderr.WriteLine($"autoscaler-sim {verb}: {error}");
        stderr.WriteLine($"Run 'autoscaler-sim {verb} --help' for the options and the scenario reference.");
        return BadInput;
    }

    public static int Fail(TextWriter stderr, InputErrorException e)
    {
        foreach (var error in e.Errors) stderr.WriteLine(error);
        return BadInput;
    }

    public static string OneLine(ReplaySummary s)
    {
        var f = s.NumericFields();
        return $"{s.Scenario.Name}: overloadMinutes={Html.Number(f["overloadMinutes"])} unservedLoad={Html.Number(f["unservedLoad"])} podHours={Html.Number(f["podHours"])} peakReplicas={f["peakReplicas"]} scaleUps={f["scaleUps"]} scaleDowns={f["scaleDowns"]} meanUtilization={f["meanUtilization"]:0.###}";
    }

    /// <summary>Loads the trace and every scenario, reporting the errors of all of them at once.</summary>
    public static (LoadedTrace Trace, List<Scenario> Scenarios) LoadInputs(Func<LoadedTrace> loadTrace, IReadOnlyList<Func<Scenario>> scenarioLoaders)
    {
        var errors = new List<InputError>();
        LoadedTrace? trace = null;
        var scenarios = new List<Scenario>();
        try { trace = loadTrace(); } catch (InputErrorException e) { errors.AddRange(e.Errors); }
        foreach (var load in scenarioLoaders)
        {
            try { scenarios.Add(load()); } catch (InputErrorException e) { errors.AddRange(e.Errors); }
        }

        foreach (var scenario in trace is null ? [] : scenarios)
        {
            var scale = scenario.Workload.ValueScale;
            if (TraceBounds.CheckDemand(trace!.Path, trace.PerMinute, scale, $"with scenario '{scenario.Name}''s valueScale {scale:R}") is { } problem) errors.Add(problem);
        }

        var duplicate = scenarios.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) errors.Add(new InputError("command line", 0, "--scenario", $"two scenarios are named '{duplicate.Key}'; give each a distinct 'name'"));
        // Several manifests share one --workload: its problem is reported once.
        if (errors.Count > 0) throw new InputErrorException(errors.Distinct().ToList());
        return (trace!, scenarios);
    }
}
