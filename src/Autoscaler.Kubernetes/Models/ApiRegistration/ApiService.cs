namespace Autoscaler.Kubernetes.Models;

/// <summary>An APIService (apiregistration.k8s.io/v1): registers an aggregated API server.</summary>
public sealed class ApiService : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public ApiServiceSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public ApiServiceStatus? Status { get; set; }
}
