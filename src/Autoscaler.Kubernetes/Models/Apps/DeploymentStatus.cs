namespace Autoscaler.Kubernetes.Models;

/// <summary>Observed state of a deployment.</summary>
public sealed class DeploymentStatus : KubernetesModel
{
    /// <summary>Pods targeted by the deployment.</summary>
    public int? Replicas { get; set; }

    /// <summary>Ready pods.</summary>
    public int? ReadyReplicas { get; set; }

    /// <summary>Pods at the current template.</summary>
    public int? UpdatedReplicas { get; set; }

    /// <summary>Available pods.</summary>
    public int? AvailableReplicas { get; set; }

    /// <summary>Generation the controller last acted on.</summary>
    public long? ObservedGeneration { get; set; }

    /// <summary>Deployment conditions.</summary>
    public IList<Condition>? Conditions { get; set; }
}
