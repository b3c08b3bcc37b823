using Autoscaler.MetricsAdapter.Api;
using Autoscaler.MetricsAdapter.Errors;
using Autoscaler.MetricsAdapter.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// Authenticates (front-proxy certificate, then bearer token) and authorizes (SubjectAccessReview) every
/// request except the always-allowed paths; a source's own paths are reviewed as the resource its
/// <see cref="IRequestAttributesMapper"/> names. Anonymous requests are refused with 401; a failed review call
/// is 503, never an allow.
/// </summary>
internal sealed partial class AuthMiddleware(
    RequestDelegate next,
    AuthOptions options,
    IAuthenticationTrustSource trustSource,
    RequestHeaderAuthenticator requestHeader,
    TokenAuthenticator tokens,
    DelegatingAuthorizer authorizer,
    AdapterTelemetry telemetry,
    IEnumerable<IRequestAttributesMapper> mappers,
    ILogger<AuthMiddleware> logger)
{
    public const string UserItemKey = "autoscaler.user";

    public async Task InvokeAsync(HttpContext context)
    {
        var trust = trustSource.Current;
        var path = context.Request.Path.Value ?? "/";
        if (options.Disabled || options.IsAlwaysAllowed(path))
        {
            RequestHeaderAuthenticator.StripIdentityHeaders(context.Request.Headers, trust);
            await next(context).ConfigureAwait(false);
            return;
        }

        var certificate = context.Connection.ClientCertificate;
        if (certificate is not null && trust is null)
        {
            RequestHeaderAuthenticator.StripIdentityHeaders(context.Request.Headers, trust);
            await JsonResponses.WriteErrorAsync(context, ApiError.Unavailable("authentication configuration is not loaded yet", 5)).ConfigureAwait(false);
            return;
        }

        var result = trust is null ? AuthenticationResult.NotApplicable : requestHeader.Authenticate(context, certificate, trust);
        RequestHeaderAuthenticator.StripIdentityHeaders(context.Request.Headers, trust);
        var method = "x509";
        if (!result.Succeeded)
        {
            AuthenticationResult tokenResult;
            try
            {
                tokenResult = await tokens.AuthenticateAsync(context.Request.Headers.Authorization.ToString(), context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReviewFailed(logger, "TokenReview", e.Message);
                await JsonResponses.WriteErrorAsync(context, ApiError.Unavailable("unable to authenticate the request: token review failed", 5)).ConfigureAwait(false);
                return;
            }

            method = "token";
            result = tokenResult.Succeeded || tokenResult.Failed || !result.Failed ? tokenResult : result;
        }

        if (!result.Succeeded)
        {
            telemetry.Authentication(result.Failed ? "failed" : "anonymous");
            if (result.Failed)
            {
                LogAuthenticationFailed(logger, path, result.Failure!);
            }

            await JsonResponses.WriteErrorAsync(context, ApiError.Unauthorized()).ConfigureAwait(false);
            return;
        }

        telemetry.Authentication(method);
        var user = result.User!;
        context.Items[UserItemKey] = user;
        var attributes = mappers.Select(m => m.Map(context.Request.Method, path)).FirstOrDefault(a => a is not null)
            ?? RequestAttributes.From(context.Request.Method, path);
        AccessDecision decision;
        try
        {
            decision = await authorizer.AuthorizeAsync(user, attributes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReviewFailed(logger, "SubjectAccessReview", e.Message);
            await JsonResponses.WriteErrorAsync(context, ApiError.Unavailable("unable to authorize the request: access review failed", 5)).ConfigureAwait(false);
            return;
        }

        telemetry.Authorization(decision.Allowed);
        if (!decision.Allowed)
        {
            var message = attributes.ForbiddenMessage(user.Name, decision.Reason);
            await JsonResponses.WriteErrorAsync(context, ApiError.Forbidden(message, attributes.Group, attributes.Resource, attributes.Name)).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Authentication failed for {Path}: {Reason}")]
    private static partial void LogAuthenticationFailed(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Review} call failed: {Error}")]
    private static partial void LogReviewFailed(ILogger logger, string review, string error);
}
