namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>The answer of a TokenReview: authenticated with a user, or not (with the server's reason).</summary>
internal sealed record TokenReviewOutcome(bool Authenticated, AuthenticatedUser? User, string Error);
