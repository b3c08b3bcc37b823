using Autoscaler.Calendar.Auth;

namespace Autoscaler.Calendar.Api;

/// <summary>RBAC checks for the endpoints: a SubjectAccessReview for the calling user, 403 with the verb named when denied.</summary>
public static class Access
{
    /// <summary>Null when allowed, else a 403 result saying what is missing.</summary>
    public static async Task<IResult?> RequireAsync(HttpContext http, IAccessReview review, string verb, string ns)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(review);
        var user = CalendarUser.From(http.User);
        return await review.AllowedAsync(user, verb, ns, http.RequestAborted).ConfigureAwait(false)
            ? null
            : Results.Json(new { error = $"{user.Name} may not {verb} scalingevents in namespace {ns} (Kubernetes RBAC)" }, statusCode: StatusCodes.Status403Forbidden);
    }
}
