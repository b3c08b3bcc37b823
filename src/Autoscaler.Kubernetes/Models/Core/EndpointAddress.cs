using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>One endpoint address (an IP; loopback is rejected by validation).</summary>
public sealed class EndpointAddress : KubernetesModel
{
    /// <summary>The IP address.</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; set; }

    /// <summary>Optional host name.</summary>
    public string? Hostname { get; set; }

    /// <summary>The object that provides the address.</summary>
    public ObjectReference? TargetRef { get; set; }
}
