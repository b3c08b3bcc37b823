namespace Autoscaler.Kubernetes.Models;

/// <summary>A status condition, as used by most types (type, status, reason, message, times).</summary>
public sealed class Condition : KubernetesModel
{
    /// <summary>Condition type, such as Ready or Available.</summary>
    public string? Type { get; set; }

    /// <summary>True, False or Unknown.</summary>
    public string? Status { get; set; }

    /// <summary>Machine-readable reason for the last transition.</summary>
    public string? Reason { get; set; }

    /// <summary>Human-readable details.</summary>
    public string? Message { get; set; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? LastTransitionTime { get; set; }

    /// <summary>Generation the condition was computed from, when the type records it.</summary>
    public long? ObservedGeneration { get; set; }
}
