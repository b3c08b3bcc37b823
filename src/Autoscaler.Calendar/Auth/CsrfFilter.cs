using Microsoft.AspNetCore.Antiforgery;

namespace Autoscaler.Calendar.Auth;

/// <summary>
/// Antiforgery on every state-changing call made with the browser's ambient identity (the proxy's headers/cookies):
/// the page fetches a token from <c>GET /api/antiforgery</c> and sends it back in <c>X-CSRF-TOKEN</c>. Bearer-token
/// clients carry no ambient credential and are exempt.
/// </summary>
public sealed class CsrfFilter : IEndpointFilter
{
    /// <summary>The request header carrying the token.</summary>
    public const string HeaderName = "X-CSRF-TOKEN";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var safe = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var method = http.User.FindFirst(CalendarUser.MethodClaim)?.Value;
        if (!safe && method != ProxyAuthenticationHandler.TokenMethod)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
            {
                return Results.Json(new { error = "missing or invalid CSRF token: reload the page and try again" }, statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await next(context).ConfigureAwait(false);
    }
}
