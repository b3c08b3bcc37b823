namespace Autoscaler.Kubernetes.Models;

/// <summary>Desired state of a CRD.</summary>
public sealed class CustomResourceDefinitionSpec : KubernetesModel
{
    /// <summary>API group of the custom resource.</summary>
    public string? Group { get; set; }

    /// <summary>Plural, singular and kind names.</summary>
    public CustomResourceDefinitionNames? Names { get; set; }

    /// <summary>Namespaced or Cluster.</summary>
    public string? Scope { get; set; }

    /// <summary>Served versions.</summary>
    public IList<CustomResourceDefinitionVersion>? Versions { get; set; }
}
