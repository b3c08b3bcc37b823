namespace Autoscaler.Kubernetes.Models;

/// <summary>The API's error and result body (metav1.Status, kind Status).</summary>
/// <remarks>Its metadata is a ListMeta on the wire; the ObjectMeta inherited here only ever carries resourceVersion.</remarks>
public sealed class ApiStatus : KubernetesObject
{
    /// <summary>Success or Failure.</summary>
    public string? Status { get; set; }

    /// <summary>Human-readable description.</summary>
    public string? Message { get; set; }

    /// <summary>Machine-readable reason such as NotFound, Conflict, Expired or TooManyRequests.</summary>
    public string? Reason { get; set; }

    /// <summary>Extra details: the object, and the causes of a validation or apply failure.</summary>
    public StatusDetails? Details { get; set; }

    /// <summary>HTTP status code the failure corresponds to.</summary>
    public int? Code { get; set; }
}
