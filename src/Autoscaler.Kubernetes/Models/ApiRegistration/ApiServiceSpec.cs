using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>Desired state of an APIService.</summary>
public sealed class ApiServiceSpec : KubernetesModel
{
    /// <summary>The service that serves the group-version; null serves it locally.</summary>
    public ServiceReference? Service { get; set; }

    /// <summary>API group.</summary>
    public string? Group { get; set; }

    /// <summary>API version.</summary>
    public string? Version { get; set; }

    /// <summary>Skip TLS verification of the aggregated server (not recommended).</summary>
    [JsonPropertyName("insecureSkipTLSVerify")]
    public bool? InsecureSkipTlsVerify { get; set; }

    /// <summary>Base64 PEM CA bundle that signs the aggregated server's certificate.</summary>
    public string? CaBundle { get; set; }

    /// <summary>Priority of the group.</summary>
    public int GroupPriorityMinimum { get; set; }

    /// <summary>Priority of the version within the group.</summary>
    public int VersionPriority { get; set; }
}
