namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>Delegated token authentication (§2.6). Throws when the review itself could not be made.</summary>
internal interface ITokenReviewer
{
    Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken);
}
