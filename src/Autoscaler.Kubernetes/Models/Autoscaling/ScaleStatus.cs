namespace Autoscaler.Kubernetes.Models;

/// <summary>Observed replicas and the pod selector of a scale subresource.</summary>
public sealed class ScaleStatus : KubernetesModel
{
    /// <summary>Observed replicas.</summary>
    public int Replicas { get; set; }

    /// <summary>Pod label selector in string form, such as "app=web".</summary>
    public string? Selector { get; set; }
}
