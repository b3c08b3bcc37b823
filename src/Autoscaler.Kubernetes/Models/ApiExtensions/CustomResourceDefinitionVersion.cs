namespace Autoscaler.Kubernetes.Models;

/// <summary>One version of a custom resource.</summary>
public sealed class CustomResourceDefinitionVersion : KubernetesModel
{
    /// <summary>Version name, such as v1alpha1.</summary>
    public string? Name { get; set; }

    /// <summary>Whether the version is served.</summary>
    public bool Served { get; set; }

    /// <summary>Whether objects are stored in this version.</summary>
    public bool Storage { get; set; }

    /// <summary>The structural schema.</summary>
    public CustomResourceValidation? Schema { get; set; }

    /// <summary>Status and scale subresources.</summary>
    public CustomResourceSubresources? Subresources { get; set; }
}
