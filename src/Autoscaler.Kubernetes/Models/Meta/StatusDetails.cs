namespace Autoscaler.Kubernetes.Models;

/// <summary>Details of a Status: which object and why.</summary>
public sealed class StatusDetails : KubernetesModel
{
    /// <summary>Name of the object the status refers to.</summary>
    public string? Name { get; set; }

    /// <summary>API group of the object.</summary>
    public string? Group { get; set; }

    /// <summary>Kind of the object.</summary>
    public string? Kind { get; set; }

    /// <summary>Uid of the object.</summary>
    public string? Uid { get; set; }

    /// <summary>Individual causes, for example one per invalid field.</summary>
    public IList<StatusCause>? Causes { get; set; }

    /// <summary>Seconds the client should wait before retrying, when the server suggests it.</summary>
    public int? RetryAfterSeconds { get; set; }
}
