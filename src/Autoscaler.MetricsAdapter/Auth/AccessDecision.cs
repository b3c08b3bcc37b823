namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>The answer of a SubjectAccessReview.</summary>
internal sealed record AccessDecision(bool Allowed, string Reason);
