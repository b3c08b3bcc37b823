namespace Autoscaler.Kubernetes.Models;

/// <summary>One container of a pod.</summary>
public sealed class Container : KubernetesModel
{
    /// <summary>Container name.</summary>
    public string? Name { get; set; }

    /// <summary>Container image.</summary>
    public string? Image { get; set; }

    /// <summary>Ports the container exposes.</summary>
    public IList<ContainerPort>? Ports { get; set; }

    /// <summary>CPU and memory requests and limits.</summary>
    public ResourceRequirements? Resources { get; set; }
}
