namespace Autoscaler.Kubernetes.Models;

/// <summary>A SubjectAccessReview (authorization.k8s.io/v1): asks whether a user may do something.</summary>
public sealed class SubjectAccessReview : KubernetesObject
{
    /// <summary>Desired state, written by users and controllers.</summary>
    public SubjectAccessReviewSpec? Spec { get; set; }

    /// <summary>Observed state, written through the status subresource where one exists.</summary>
    public SubjectAccessReviewStatus? Status { get; set; }
}
