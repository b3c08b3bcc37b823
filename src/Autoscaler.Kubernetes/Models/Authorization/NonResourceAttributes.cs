namespace Autoscaler.Kubernetes.Models;

/// <summary>A non-resource request to authorize.</summary>
public sealed class NonResourceAttributes : KubernetesModel
{
    /// <summary>URL path.</summary>
    public string? Path { get; set; }

    /// <summary>Lower-case HTTP verb.</summary>
    public string? Verb { get; set; }
}
