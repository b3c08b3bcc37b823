using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Calendar.Preview;

namespace Autoscaler.Calendar.Api;

/// <summary>The preview: the form validated as for saving, then Core's planner per service. Nothing is written.</summary>
public static class PreviewEndpoints
{
    /// <summary>Maps the route.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/namespaces/{ns}/preview", PreviewAsync).WithName("PreviewEvent")
            .WithSummary("Recent load, forecast p50/p90, planned floor, ready-by time and extra pod-hours, from the controller's planner");
    }

    private static async Task<IResult> PreviewAsync(
        string ns, EventForm form, string? editing, HttpContext http, IAccessReview review, IScalingEventStore store, IWorkloadCatalog catalog, PreviewService preview, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, "list", ns) is { } denied) return denied;
        var existing = await store.ListAsync(ns, http.RequestAborted);
        var workloads = await catalog.ListAsync(ns, http.RequestAborted);
        var self = editing is null ? null : existing.FirstOrDefault(e => e.Metadata.Name == editing);
        var validated = EventFormValidator.Validate(form, time.GetUtcNow(), workloads, existing, self);
        if (!validated.Errors.IsEmpty || validated.Spec is null) return ProblemResults.Invalid(validated);
        var services = new List<ServicePreview>();
        foreach (var hpa in validated.Spec.Targets.HpaNames ?? [])
        {
            var workload = workloads.First(w => w.HpaName == hpa);
            var others = existing.Where(e => validated.Overlapping.Contains(EventTitle.Of(e)) && e.Spec.Targets.HpaNames?.Contains(hpa) == true).ToList();
            services.Add(await preview.PreviewAsync(workload, validated.Spec, validated.Start!.Value, validated.End!.Value, others, http.RequestAborted));
        }

        return Results.Ok(new { start = validated.Start, end = validated.End, warnings = validated.Warnings.ByField, services });
    }
}
