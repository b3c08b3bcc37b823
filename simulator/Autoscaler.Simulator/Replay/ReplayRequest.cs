using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Gates;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Replay;

/// <summary>What replay and compare were asked: scenarios, output folder, range, gates and where the trace comes from.</summary>
internal sealed record ReplayRequest(
    IReadOnlyList<Func<Scenario>> Scenarios, string OutDir, string? From, string? To, IReadOnlyList<FailIfGate> Gates, Func<TextWriter, LoadedTrace> LoadTrace)
{
    /// <summary>Reads the options; null with every problem in <c>a.Errors</c>.</summary>
    public static ReplayRequest? Read(OptionValues a, bool several)
    {
        var scenarios = ScenarioSources.Loaders(a, several);
        var outDir = a.Required("--out");
        var (from, to) = (a.Single("--from"), a.Single("--to"));
        var gates = VerbSupport.ParseGates(a.All("--fail-if"), a.Errors);
        var loadTrace = TraceOptions.Source(a, from, to);
        return a.Errors.Count > 0 ? null : new ReplayRequest(scenarios, outDir!, from, to, gates, loadTrace!);
    }

    /// <summary>Loads the trace and every scenario (all their errors at once) and resolves the range against the trace.</summary>
    public (LoadedTrace Trace, List<Scenario> Scenarios, DateTime From, DateTime To) Load(TextWriter notes)
    {
        var (trace, scenarios) = VerbSupport.LoadInputs(() => LoadTrace(notes), Scenarios);
        var range = ReplayRunner.Range(trace, From, To, notes);
        return (trace, scenarios, range.From, range.To);
    }
}
