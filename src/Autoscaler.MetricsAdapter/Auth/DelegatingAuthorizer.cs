namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// Authorizes through SubjectAccessReview (§2.7) with the Go library's caching (allowed and denied answers
/// cached separately, keyed on the full review) and its <c>system:masters</c> short-circuit.
/// </summary>
internal sealed class DelegatingAuthorizer(IAccessReviewer reviewer, AuthOptions options, TimeProvider time)
{
    private readonly ExpiringCache<string, AccessDecision> _cache = new(time);

    public async Task<AccessDecision> AuthorizeAsync(AuthenticatedUser user, RequestAttributes attributes, CancellationToken cancellationToken)
    {
        if (user.Groups.Any(g => options.AlwaysAllowGroups.Contains(g, StringComparer.Ordinal)))
        {
            return new AccessDecision(true, "always allowed group");
        }

        var key = CacheKey(user, attributes);
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        var decision = await reviewer.ReviewAsync(user, attributes, cancellationToken).ConfigureAwait(false);
        _cache.Set(key, decision, decision.Allowed ? options.AuthorizedCacheTtl : options.UnauthorizedCacheTtl);
        return decision;
    }

    private static string CacheKey(AuthenticatedUser user, RequestAttributes a)
    {
        var extra = string.Join(';', user.Extra.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + string.Join(',', kv.Value)));
        // \n cannot occur in header values, so the joined key is unambiguous.
        return string.Join('\n', user.Name, user.Uid, string.Join(',', user.Groups), extra, a.ToString());
    }
}
