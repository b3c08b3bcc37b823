using System.Text.Json.Serialization;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>The lease record: holder, duration and times (MicroTime on the wire).</summary>
public sealed class LeaseSpec : KubernetesModel
{
    /// <summary>Identity of the current holder.</summary>
    public string? HolderIdentity { get; set; }

    /// <summary>Seconds a candidate waits before taking over.</summary>
    public int? LeaseDurationSeconds { get; set; }

    /// <summary>When the current holder acquired the lease.</summary>
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; set; }

    /// <summary>When the current holder last renewed it.</summary>
    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; set; }

    /// <summary>How many times the holder changed.</summary>
    public int? LeaseTransitions { get; set; }
}
