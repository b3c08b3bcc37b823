namespace Autoscaler.Kubernetes.Models;

/// <summary>Options of a delete call (propagation and preconditions).</summary>
public sealed class DeleteOptions : KubernetesModel
{
    /// <summary>Always v1.</summary>
    public string? ApiVersion { get; set; } = "v1";

    /// <summary>Always DeleteOptions.</summary>
    public string? Kind { get; set; } = "DeleteOptions";

    /// <summary>Background, Foreground or Orphan.</summary>
    public string? PropagationPolicy { get; set; }

    /// <summary>Seconds before the object is deleted; 0 deletes immediately.</summary>
    public long? GracePeriodSeconds { get; set; }

    /// <summary>Delete only if the object still has this uid or resourceVersion.</summary>
    public Preconditions? Preconditions { get; set; }
}
