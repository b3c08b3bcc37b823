using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Parity;

/// <summary>
/// One HPA of a parity run: autoscaling/v2beta2 on one External metric with an AverageValue target, the
/// replicas it starts from, and its <c>behavior</c> (null = none, the legacy path upstream).
/// </summary>
internal sealed record ParityCase
{
    /// <summary>Short name, also the Deployment/HPA name in the cluster (a DNS label).</summary>
    public required string Name { get; init; }

    public required int MinReplicas { get; init; }

    public required int MaxReplicas { get; init; }

    /// <summary>The External metric's <c>target.averageValue</c> (per replica).</summary>
    public required double TargetAverageValue { get; init; }

    /// <summary>The Deployment's replicas when the run starts (the value the first series point keeps).</summary>
    public required int InitialReplicas { get; init; }

    /// <summary>autoscaling/v2beta2 <c>behavior</c>; null keeps it absent.</summary>
    public BehaviorModel? Behavior { get; init; }
}
