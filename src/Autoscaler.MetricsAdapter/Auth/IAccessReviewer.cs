namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>Delegated authorization (§2.7). Throws when the review itself could not be made (never fail open).</summary>
internal interface IAccessReviewer
{
    Task<AccessDecision> ReviewAsync(AuthenticatedUser user, RequestAttributes attributes, CancellationToken cancellationToken);
}
