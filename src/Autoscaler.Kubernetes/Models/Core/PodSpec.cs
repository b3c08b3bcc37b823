namespace Autoscaler.Kubernetes.Models;

/// <summary>Desired state of a pod: the parts this product reads or writes.</summary>
public sealed class PodSpec : KubernetesModel
{
    /// <summary>The pod's containers.</summary>
    public IList<Container>? Containers { get; set; }

    /// <summary>The node the pod was bound to.</summary>
    public string? NodeName { get; set; }

    /// <summary>The service account the pod runs as.</summary>
    public string? ServiceAccountName { get; set; }

    /// <summary>False keeps the service-account token out of the pod (and lets admission skip waiting for it).</summary>
    public bool? AutomountServiceAccountToken { get; set; }
}
