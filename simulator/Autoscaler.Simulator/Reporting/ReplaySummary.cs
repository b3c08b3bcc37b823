using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Reporting;

/// <summary>The numbers a replay is judged by, with the scenario and trace it came from.</summary>
internal sealed record ReplaySummary(Scenario Scenario, object ScenarioEcho, LoadedTrace Trace, ReplayOutcome Outcome)
{
    /// <summary>Every numeric field, in the order they are written; <c>--fail-if</c> may name any of them.</summary>
    public static IReadOnlyList<string> NumericFieldNames { get; } =
    [
        "overloadMinutes", "unservedLoad", "unservedFraction", "podHours", "readyPodHours", "scaleUps", "scaleDowns",
        "peakReplicas", "meanUtilization", "totalDemand", "overloadPeriods", "longestOverloadMinutes", "syncs", "minutes",
        "prescalePodHours", "floorMinutes", "eventMinutes", "eventOverloadMinutes", "eventPodHours",
    ];

    /// <summary>The fields that only a scenario with a <c>prescale</c> section writes (0 without one, for gates).</summary>
    public static IReadOnlySet<string> PrescaleFieldNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "prescalePodHours", "floorMinutes", "eventMinutes", "eventOverloadMinutes", "eventPodHours",
    };

    public IReadOnlyDictionary<string, double> NumericFields()
    {
        var o = Outcome;
        var values = new double[]
        {
            o.OverloadMinutes, o.UnservedLoad, o.TotalDemand > 0 ? o.UnservedLoad / o.TotalDemand : 0, o.PodHours, o.ReadyPodHours,
            o.ScaleUps, o.ScaleDowns, o.PeakReplicas, o.MeanUtilization, o.TotalDemand, o.OverloadPeriods.Count,
            o.OverloadPeriods.Count == 0 ? 0 : o.OverloadPeriods.Max(p => p.Minutes), o.Syncs, (o.To - o.From).TotalMinutes,
            o.Prescale?.PrescalePodHours ?? 0, o.Prescale?.FloorMinutes ?? 0, o.Prescale?.EventMinutes ?? 0,
            o.Prescale?.EventOverloadMinutes ?? 0, o.Prescale?.EventPodHours ?? 0,
        };
        var fields = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++) fields[NumericFieldNames[i]] = Significant(values[i]);
        return fields;
    }

    // Seven significant digits (at most 4 decimals): stable in golden files, small fractions stay visible.
    private static double Significant(double v)
    {
        if (v == 0 || !double.IsFinite(v)) return v;
        var digits = Math.Clamp(6 - (int)Math.Floor(Math.Log10(Math.Abs(v))), 0, 10);
        return Math.Round(v, Math.Min(digits, v >= 1 ? 4 : 10));
    }
}
