namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>The kinds of answer to "may this caller push into this namespace?".</summary>
public enum PushAccessOutcome
{
    /// <summary>Authenticated and allowed: store the batch.</summary>
    Allowed,

    /// <summary>No credentials, or credentials that did not authenticate (gRPC <c>UNAUTHENTICATED</c>).</summary>
    Unauthenticated,

    /// <summary>Authenticated, but not allowed to push into the namespace (gRPC <c>PERMISSION_DENIED</c>).</summary>
    Denied,

    /// <summary>A TokenReview or SubjectAccessReview could not be made (gRPC <c>UNAVAILABLE</c>); never an allow.</summary>
    Unavailable,
}
