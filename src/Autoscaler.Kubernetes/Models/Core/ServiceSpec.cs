using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>Desired state of a service.</summary>
public sealed class ServiceSpec : KubernetesModel
{
    /// <summary>ClusterIP, NodePort, LoadBalancer or ExternalName.</summary>
    public string? Type { get; set; }

    /// <summary>Pods selected as endpoints; without one, Endpoints are maintained by hand.</summary>
    public IDictionary<string, string>? Selector { get; set; }

    /// <summary>Ports the service exposes.</summary>
    public IList<ServicePort>? Ports { get; set; }

    /// <summary>The virtual IP, or None for a headless service.</summary>
    [JsonPropertyName("clusterIP")]
    public string? ClusterIP { get; set; }
}
