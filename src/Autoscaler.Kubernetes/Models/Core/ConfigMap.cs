namespace Autoscaler.Kubernetes.Models;

/// <summary>A config map (core/v1).</summary>
public sealed class ConfigMap : KubernetesObject
{
    /// <summary>UTF-8 values by key.</summary>
    public IDictionary<string, string>? Data { get; set; }

    /// <summary>Base64 values by key.</summary>
    public IDictionary<string, string>? BinaryData { get; set; }

    /// <summary>When true, the data can no longer change.</summary>
    public bool? Immutable { get; set; }
}
