namespace Autoscaler.Kubernetes.Models;

/// <summary>One cause of a failure: reason, message and the field it concerns.</summary>
public sealed class StatusCause : KubernetesModel
{
    /// <summary>Machine-readable cause, such as FieldValueInvalid or FieldManagerConflict.</summary>
    public string? Reason { get; set; }

    /// <summary>Human-readable description.</summary>
    public string? Message { get; set; }

    /// <summary>Path of the field concerned, such as .spec.replicas.</summary>
    public string? Field { get; set; }
}
