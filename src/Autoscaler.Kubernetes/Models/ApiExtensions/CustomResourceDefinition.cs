namespace Autoscaler.Kubernetes.Models;

/// <summary>A custom resource definition (apiextensions.k8s.io/v1).</summary>
public sealed class CustomResourceDefinition : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public CustomResourceDefinitionSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public CustomResourceDefinitionStatus? Status { get; set; }
}
