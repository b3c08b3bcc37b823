using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Hosting;
using Autoscaler.Kubernetes.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Autoscaler.Calendar.Api;

/// <summary>Who am I and what may I do (for the pages), the CSRF token, and the workload list.</summary>
public static class SessionEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", MeAsync).WithName("Me").WithSummary("The caller, and per namespace whether they may list, create, update and approve");
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new { token = tokens.RequestToken, header = CsrfFilter.HeaderName });
        }).WithName("Antiforgery").WithSummary("A CSRF token for the X-CSRF-TOKEN header (browser sessions)");
        api.MapGet("/namespaces/{ns}/workloads", WorkloadsAsync).WithName("ListWorkloads").WithSummary("HPAs by friendly name");
    }

    private static async Task<IResult> MeAsync(HttpContext http, IAccessReview review, IOptions<CalendarOptions> options)
    {
        var user = CalendarUser.From(http.User);
        var namespaces = new List<object>();
        foreach (var ns in options.Value.Namespaces)
        {
            var list = await review.AllowedAsync(user, "list", ns, http.RequestAborted);
            if (!list) continue;
            namespaces.Add(new
            {
                name = ns,
                canCreate = await review.AllowedAsync(user, "create", ns, http.RequestAborted),
                canUpdate = await review.AllowedAsync(user, "update", ns, http.RequestAborted),
                canApprove = await review.AllowedAsync(user, AutoscalerApi.ApproveVerb, ns, http.RequestAborted),
            });
        }

        return Results.Ok(new { user = user.Name, groups = user.Groups, method = user.Method, namespaces });
    }

    private static async Task<IResult> WorkloadsAsync(string ns, HttpContext http, IAccessReview review, IWorkloadCatalog catalog)
    {
        if (await Access.RequireAsync(http, review, "list", ns) is { } denied) return denied;
        var items = await catalog.ListAsync(ns, http.RequestAborted);
        return Results.Ok(items.Select(w => new { hpa = w.HpaName, displayName = w.DisplayName, w.MinReplicas, w.MaxReplicas, w.CurrentReplicas, hasLoadModel = w.LoadPerReplica is not null }));
    }
}
