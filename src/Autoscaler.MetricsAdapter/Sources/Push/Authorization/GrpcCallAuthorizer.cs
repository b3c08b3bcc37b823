using Autoscaler.MetricsAdapter.Auth;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>
/// Authentication and authorization of one call on the gRPC port (push and KEDA's external scaler), with the adapter's
/// own delegated-auth pieces: a client certificate that chains to the client CA (user = CN, groups = O), else a bearer
/// token through TokenReview; then a SubjectAccessReview for the given attributes. Both answers go through the shared
/// bounded caches. A review that cannot be made is <see cref="PushAccessOutcome.Unavailable"/>, never an allow.
/// </summary>
internal sealed partial class GrpcCallAuthorizer(
    TokenAuthenticator tokens,
    RequestHeaderAuthenticator certificates,
    IAuthenticationTrustSource trust,
    DelegatingAuthorizer authorizer,
    ILogger logger)
{
    /// <summary>Authenticates <paramref name="credentials"/> and reviews <paramref name="attributes"/> for that user.</summary>
    /// <param name="credentials">What the caller presented.</param>
    /// <param name="attributes">What the call does, as a Kubernetes resource request.</param>
    /// <param name="action">What the call is, for messages (<c>push</c>, <c>KEDA read</c>).</param>
    /// <param name="cancellationToken">Cancels the reviews.</param>
    public async Task<PushAccess> AuthorizeAsync(PushCredentials credentials, RequestAttributes attributes, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(attributes);
        var authentication = await AuthenticateAsync(credentials, action, cancellationToken).ConfigureAwait(false);
        if (authentication.Access is { } refused)
        {
            return refused;
        }

        var user = authentication.User!;
        AccessDecision decision;
        try
        {
            decision = await authorizer.AuthorizeAsync(user, attributes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReviewFailed(logger, action, "SubjectAccessReview", e.Message);
            return new PushAccess(PushAccessOutcome.Unavailable, $"unable to authorize the {action}: access review failed; retry later");
        }

        return decision.Allowed
            ? PushAccess.Allow
            : new PushAccess(PushAccessOutcome.Denied, attributes.ForbiddenMessage(user.Name, decision.Reason));
    }

    private async Task<(AuthenticatedUser? User, PushAccess? Access)> AuthenticateAsync(PushCredentials credentials, string action, CancellationToken cancellationToken)
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
            LogReviewFailed(logger, action, "TokenReview", e.Message);
            return (null, new PushAccess(PushAccessOutcome.Unavailable, $"unable to authenticate the {action}: token review failed; retry later"));
        }

        if (token.Succeeded)
        {
            return (token.User, null);
        }

        var reason = token.Failure ?? certificateFailure ?? "no credentials";
        return (null, new PushAccess(PushAccessOutcome.Unauthenticated,
            $"{action} requires a Kubernetes bearer token (Authorization: Bearer <token>) or a client certificate from the client CA: {reason}"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "gRPC {Action}: {Review} call failed: {Error}")]
    private static partial void LogReviewFailed(ILogger logger, string action, string review, string error);
}
