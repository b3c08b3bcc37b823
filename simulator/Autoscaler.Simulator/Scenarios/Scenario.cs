namespace Autoscaler.Simulator.Scenarios;

/// <summary>A validated scenario: the workload model and the HPA configuration to replay a trace through.</summary>
internal sealed record Scenario
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public required WorkloadModel Workload { get; init; }

    public required HpaModel Hpa { get; init; }

    /// <summary>The optional pre-scale planner; null replays the HPA alone.</summary>
    public PrescaleModel? Prescale { get; init; }

    /// <summary>KEDA's activation phase when the scenario came from a ScaledObject; null for a plain HPA.</summary>
    public Keda.KedaModel? Keda { get; init; }
}
