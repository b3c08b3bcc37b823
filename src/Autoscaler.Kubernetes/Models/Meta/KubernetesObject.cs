namespace Autoscaler.Kubernetes.Models;

/// <summary>An object the API server stores: apiVersion, kind and metadata.</summary>
public abstract class KubernetesObject : KubernetesModel
{
    /// <summary>API version, such as v1 or apps/v1. Filled in by the client on writes when empty.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Kind, such as Pod. Filled in by the client on writes when empty.</summary>
    public string? Kind { get; set; }

    /// <summary>Standard object metadata.</summary>
    public ObjectMeta Metadata { get; set; } = new();
}
