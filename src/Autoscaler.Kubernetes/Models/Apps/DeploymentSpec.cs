namespace Autoscaler.Kubernetes.Models;

/// <summary>Desired state of a deployment.</summary>
public sealed class DeploymentSpec : KubernetesModel
{
    /// <summary>Desired replicas (the scale subresource writes this).</summary>
    public int? Replicas { get; set; }

    /// <summary>Selects the deployment's pods; must match the template labels.</summary>
    public LabelSelector? Selector { get; set; }

    /// <summary>The pods to create.</summary>
    public PodTemplateSpec? Template { get; set; }
}
