using System.Security.Cryptography;
using System.Text;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>Bearer tokens through TokenReview (§2.6), answers cached briefly keyed by the token's hash.</summary>
internal sealed class TokenAuthenticator(ITokenReviewer reviewer, AuthOptions options, TimeProvider time)
{
    private readonly ExpiringCache<string, TokenReviewOutcome> _cache = new(time);

    public async Task<AuthenticationResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationResult.NotApplicable;
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (token.Length == 0)
        {
            return AuthenticationResult.Fail("empty bearer token");
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (!_cache.TryGet(key, out var outcome))
        {
            outcome = await reviewer.ReviewAsync(token, cancellationToken).ConfigureAwait(false);
            _cache.Set(key, outcome, options.TokenCacheTtl);
        }

        return outcome.Authenticated && outcome.User is not null
            ? AuthenticationResult.Success(AuthenticatedUser.Create(outcome.User.Name, outcome.User.Uid, outcome.User.Groups, outcome.User.Extra))
            : AuthenticationResult.Fail($"token rejected: {outcome.Error}");
    }
}
