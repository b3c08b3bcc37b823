namespace Autoscaler.Kubernetes.Models;

/// <summary>The endpoints of a service (core/v1); maintained by hand for a selector-less service.</summary>
public sealed class Endpoints : KubernetesObject
{
    /// <summary>Address and port sets.</summary>
    public IList<EndpointSubset>? Subsets { get; set; }
}
