namespace Autoscaler.Kubernetes.Models;

/// <summary>Names of a custom resource.</summary>
public sealed class CustomResourceDefinitionNames : KubernetesModel
{
    /// <summary>Plural, used in URLs.</summary>
    public string? Plural { get; set; }

    /// <summary>Singular name.</summary>
    public string? Singular { get; set; }

    /// <summary>Kind.</summary>
    public string? Kind { get; set; }

    /// <summary>Kind of the list.</summary>
    public string? ListKind { get; set; }

    /// <summary>Short names.</summary>
    public IList<string>? ShortNames { get; set; }
}
