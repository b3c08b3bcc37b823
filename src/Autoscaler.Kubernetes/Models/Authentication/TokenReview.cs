namespace Autoscaler.Kubernetes.Models;

/// <summary>A TokenReview (authentication.k8s.io/v1): asks the server who a bearer token belongs to.</summary>
public sealed class TokenReview : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public TokenReviewSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public TokenReviewStatus? Status { get; set; }
}
