namespace Autoscaler.Simulator.Keda;

/// <summary>
/// A KEDA scaler whose metric a trace can be: the metadata key holding the HPA target (the AverageValue per pod, or
/// the Value) and the key holding the activation threshold. Source: each scaler's page on keda.sh (KEDA 2.x).
/// </summary>
/// <param name="Type">The trigger <c>type</c>.</param>
/// <param name="TargetKey">Metadata key of the scaling target.</param>
/// <param name="DefaultTarget">KEDA's default when the key is absent; null when the key is required.</param>
/// <param name="ActivationKey">Metadata key of the activation threshold (default 0).</param>
internal sealed record KedaTrigger(string Type, string TargetKey, string? DefaultTarget, string ActivationKey)
{
    /// <summary>The external scalers replayed: the trace is the value the scaler reads from its source.</summary>
    public static readonly IReadOnlyList<KedaTrigger> External =
    [
        new("prometheus", "threshold", null, "activationThreshold"),
        new("kafka", "lagThreshold", "10", "activationLagThreshold"),
        new("aws-sqs-queue", "queueLength", "5", "activationQueueLength"),
        new("redis", "listLength", null, "activationListLength"),
    ];
}
