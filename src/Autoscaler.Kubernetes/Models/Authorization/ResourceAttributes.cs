namespace Autoscaler.Kubernetes.Models;

/// <summary>A resource request to authorize.</summary>
public sealed class ResourceAttributes : KubernetesModel
{
    /// <summary>Namespace.</summary>
    public string? Namespace { get; set; }

    /// <summary>get, list, watch, create, ...</summary>
    public string? Verb { get; set; }

    /// <summary>API group.</summary>
    public string? Group { get; set; }

    /// <summary>API version.</summary>
    public string? Version { get; set; }

    /// <summary>Resource.</summary>
    public string? Resource { get; set; }

    /// <summary>Subresource.</summary>
    public string? Subresource { get; set; }

    /// <summary>Object name.</summary>
    public string? Name { get; set; }
}
