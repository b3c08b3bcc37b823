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
internal sealed class KubernetesPushAuthorizer(
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

    private readonly GrpcCallAuthorizer _calls = new(tokens, certificates, trust, authorizer, logger);

    public Task<PushAccess> AuthorizeAsync(PushCredentials credentials, string ns, CancellationToken cancellationToken) =>
        _calls.AuthorizeAsync(
            credentials, new RequestAttributes(true, $"/apis/{Group}/{Version}/namespaces/{ns}/{Resource}", "create", ns, Group, Version, Resource), "push", cancellationToken);
}
