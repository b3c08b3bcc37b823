namespace Autoscaler.Kubernetes.Models;

/// <summary>A set of addresses sharing a set of ports.</summary>
public sealed class EndpointSubset : KubernetesModel
{
    /// <summary>Ready addresses.</summary>
    public IList<EndpointAddress>? Addresses { get; set; }

    /// <summary>Addresses not ready yet.</summary>
    public IList<EndpointAddress>? NotReadyAddresses { get; set; }

    /// <summary>Ports available on every address.</summary>
    public IList<EndpointPort>? Ports { get; set; }
}
