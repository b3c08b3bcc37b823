namespace Autoscaler.Simulator.Engine;

/// <summary>Everything a replay produced: the ledger totals, the per-sync timeline and the overload periods.</summary>
internal sealed record ReplayOutcome
{
    public required DateTime From { get; init; }

    public required DateTime To { get; init; }

    public required int Syncs { get; init; }

    public required double OverloadMinutes { get; init; }

    public required double UnservedLoad { get; init; }

    public required double TotalDemand { get; init; }

    public required double PodHours { get; init; }

    public required double ReadyPodHours { get; init; }

    public required int ScaleUps { get; init; }

    public required int ScaleDowns { get; init; }

    public required int PeakReplicas { get; init; }

    /// <summary>∫demand ÷ ∫ready capacity over the replay (above 1 means demand outgrew capacity overall).</summary>
    public required double MeanUtilization { get; init; }

    public required IReadOnlyList<OverloadPeriod> OverloadPeriods { get; init; }

    public required Timeline Timeline { get; init; }

    /// <summary>The planner's part, when the scenario has a <c>prescale</c> section.</summary>
    public Prescale.PrescaleOutcome? Prescale { get; init; }
}
