using System.Globalization;

namespace Autoscaler.Simulator.Gates;

/// <summary>Checks every gate against a summary's numeric fields and words the first breach as one line.</summary>
internal static class GateEvaluator
{
    /// <summary>Returns the one-line reason of the first breached gate, or null when all pass.</summary>
    public static string? FirstBreach(IReadOnlyList<FailIfGate> gates, IReadOnlyDictionary<string, double> fields, string? scenario = null)
    {
        foreach (var gate in gates)
        {
            var value = fields[gate.Field];
            if (!gate.IsBreachedBy(value)) continue;
            var who = scenario is null ? string.Empty : $" for scenario '{scenario}'";
            return $"fail-if breached{who}: {gate.Field} = {value.ToString("0.###", CultureInfo.InvariantCulture)}, which is {gate.Operator} {gate.Threshold.ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }
}
