namespace Autoscaler.Kubernetes.Models;

/// <summary>Requests and limits as quantity strings, such as "100m" or "128Mi".</summary>
public sealed class ResourceRequirements : KubernetesModel
{
    /// <summary>Requested amounts.</summary>
    public IDictionary<string, string>? Requests { get; set; }

    /// <summary>Upper limits.</summary>
    public IDictionary<string, string>? Limits { get; set; }
}
