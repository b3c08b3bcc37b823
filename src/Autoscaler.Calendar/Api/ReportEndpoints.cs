using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Calendar.Preview;

namespace Autoscaler.Calendar.Api;

/// <summary>After an event: observed load against the plan and the multiplier the history suggests.</summary>
public static class ReportEndpoints
{
    /// <summary>Maps the route.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/namespaces/{ns}/events/{name}/report", ReportAsync).WithName("EventReport")
            .WithSummary("Peak load against the plan, overloaded minutes, time to capacity and the suggested multiplier for the next event of the kind (ended events only)");
    }

    private static async Task<IResult> ReportAsync(
        string ns, string name, HttpContext http, IAccessReview review, IScalingEventStore store, IWorkloadCatalog catalog, ReportService reports, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, "get", ns) is { } denied) return denied;
        var item = await store.GetAsync(ns, name, http.RequestAborted);
        if (item is null) return ProblemResults.Message(404, $"no event {name} in {ns}");
        var view = EventViews.From(item);
        if (view.StartUtc is not { } start || view.EndUtc is not { } end) return ProblemResults.Message(422, "the event's times do not resolve");
        if (end > time.GetUtcNow()) return ProblemResults.Message(409, $"{view.Title} has not ended yet (ends {end:yyyy-MM-dd HH:mm}Z)");
        var workloads = await catalog.ListAsync(ns, http.RequestAborted);
        var services = new List<ServiceReport>();
        foreach (var hpa in view.Services)
        {
            if (workloads.FirstOrDefault(w => w.HpaName == hpa) is { } workload)
            {
                services.Add(await reports.ReportAsync(workload, item.Spec, start, end, item.Status?.Decisions, http.RequestAborted));
            }
        }

        return Results.Ok(new { @event = view, kind = item.Spec.Kind, services });
    }
}
