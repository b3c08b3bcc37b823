namespace Autoscaler.Kubernetes.Models;

/// <summary>Observed state of a stateful set.</summary>
public sealed class StatefulSetStatus : KubernetesModel
{
    /// <summary>Pods created.</summary>
    public int? Replicas { get; set; }

    /// <summary>Ready pods.</summary>
    public int? ReadyReplicas { get; set; }

    /// <summary>Generation the controller last acted on.</summary>
    public long? ObservedGeneration { get; set; }
}
