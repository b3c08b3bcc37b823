namespace Autoscaler.Kubernetes.Models;

/// <summary>The server's decision.</summary>
public sealed class SubjectAccessReviewStatus : KubernetesModel
{
    /// <summary>Whether the action is allowed.</summary>
    public bool Allowed { get; set; }

    /// <summary>Whether it is explicitly denied.</summary>
    public bool? Denied { get; set; }

    /// <summary>Why.</summary>
    public string? Reason { get; set; }

    /// <summary>An error met while deciding.</summary>
    public string? EvaluationError { get; set; }
}
