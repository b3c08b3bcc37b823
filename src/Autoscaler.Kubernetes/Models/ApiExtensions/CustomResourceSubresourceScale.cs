namespace Autoscaler.Kubernetes.Models;

/// <summary>JSON paths the scale subresource maps to.</summary>
public sealed class CustomResourceSubresourceScale : KubernetesModel
{
    /// <summary>Path of the desired replicas, such as .spec.replicas.</summary>
    public string? SpecReplicasPath { get; set; }

    /// <summary>Path of the observed replicas.</summary>
    public string? StatusReplicasPath { get; set; }

    /// <summary>Path of the selector string.</summary>
    public string? LabelSelectorPath { get; set; }
}
