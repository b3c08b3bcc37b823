using Autoscaler.Simulator.Gates;
using Autoscaler.Simulator.Reporting;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Replay;

/// <summary>Pieces replay and compare share: gate parsing, error printing, the one-line result.</summary>
internal static class VerbSupport
{
    public const int Ok = 0, GateBreached = 1, BadInput = 2;

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
}
