namespace Autoscaler.Kubernetes.Models;

/// <summary>Observed state of an APIService.</summary>
public sealed class ApiServiceStatus : KubernetesModel
{
    /// <summary>Available and its reason.</summary>
    public IList<Condition>? Conditions { get; set; }
}
