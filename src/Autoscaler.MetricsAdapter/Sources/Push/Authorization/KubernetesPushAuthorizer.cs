using Autoscaler.MetricsAdapter.Auth;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>
/// Push authentication and authorization through the cluster, with the adapter's own delegated-auth pieces:
/// a client certificate that chains to the client CA (user = CN, groups = O), else a bearer token through
/// TokenReview; then a SubjectAccessReview for <c>create</c> on <see cref="Resource"/> in <see cref="Group"/> in the
/// pushed namespace. Both answers are cached by the shared bounded caches (10 s by default:
/// <c>--authentication-token-webhook-cache-ttl</c>, <c>--authorization-webhook-cache-(un)authorized-ttl</c>).
/// A review that cannot be made is <see cref="PushAccessOutcome.Unavailable"/>, never an allow.
/// </summary>
internal sealed partial class KubernetesPushAuthorizer(
    TokenAuthenticator tokens,
    RequestHeaderAuthenticator certificates,
    IAuthenticationTrustSource trust,
    DelegatingAuthorizer authorizer,
    ILogger<KubernetesPushAuthorizer> logger) : IPushAuthorizer
{
    /// <summary>Our own API group, so that read grants on the metrics groups (often <c>resources: ["*"]</c>) never grant pushing.</summary>
    public const string Group = "metrics.autoscaler.dev";

    /// <summary>The resource a pusher needs <c>create</c> on, per namespace.</summary>
    public const string Resource = "pushedmetrics";

    /// <summary>The version named in the review (RBAC rules do not match on versions).</summary>
    public const string Version = "v1";

    public async Task<PushAccess> AuthorizeAsync(PushCredentials credentials, string ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var authentication = await AuthenticateAsync(credentials, cancellationToken).ConfigureAwait(false);
        if (authentication.Access is { } refused)
        {
            return refused;
        }

        var user = authentication.User!;
        var attributes = new RequestAttributes(true, $"/apis/{Group}/{Version}/namespaces/{ns}/{Resource}", "create", ns, Group, Version, Resource);
        AccessDecision decision;
        try
        {
            decision = await authorizer.AuthorizeAsync(user, attributes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReviewFailed(logger, "SubjectAccessReview", e.Message);
            return new PushAccess(PushAccessOutcome.Unavailable, "unable to authorize the push: access review failed; retry later");
        }

        return decision.Allowed
            ? PushAccess.Allow
            : new PushAccess(PushAccessOutcome.Denied, attributes.ForbiddenMessage(user.Name, decision.Reason));
    }

    private async Task<(AuthenticatedUser? User, PushAccess? Access)> AuthenticateAsync(PushCredentials credentials, CancellationToken cancellationToken)
    {
        string? certificateFailure = null;
        if (credentials.ClientCertificate is { } certificate)
        {
            var result = trust.Current is { } current
                ? certificates.AuthenticateClientCertificate(certificate, current)
                : AuthenticationResult.Fail("client certificate presented, but the client CA is not loaded yet");
            if (result.Succeeded)
            {
                return (result.User, null);
            }

            certificateFailure = result.Failure;
        }

        AuthenticationResult token;
        try
        {
            token = await tokens.AuthenticateAsync(credentials.Authorization, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReviewFailed(logger, "TokenReview", e.Message);
            return (null, new PushAccess(PushAccessOutcome.Unavailable, "unable to authenticate the push: token review failed; retry later"));
        }

        if (token.Succeeded)
        {
            return (token.User, null);
        }

        var reason = token.Failure ?? certificateFailure ?? "no credentials";
        return (null, new PushAccess(PushAccessOutcome.Unauthenticated,
            $"push requires a Kubernetes bearer token (Authorization: Bearer <token>) or a client certificate from the client CA: {reason}"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push {Review} call failed: {Error}")]
    private static partial void LogReviewFailed(ILogger logger, string review, string error);
}
