using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Kubernetes.Entities;
using k8s.Models;

namespace Autoscaler.Calendar.Api;

/// <summary>List, create, edit and cancel ScalingEvents (create, then JSON merge patches; never read-modify-write).</summary>
public static class EventsEndpoints
{
    /// <summary>Maps the routes under <c>/api/namespaces/{ns}/events</c>.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/namespaces/{ns}/events", ListAsync).WithName("ListEvents")
            .WithSummary("Events of a namespace the caller may list, with their windows in [from, to) (default: 45 days back, 90 ahead)");
        api.MapGet("/namespaces/{ns}/events/{name}", GetAsync).WithName("GetEvent");
        api.MapPost("/namespaces/{ns}/events", CreateAsync).WithName("CreateEvent").WithSummary("Validates and creates a ScalingEvent in phase Proposed");
        api.MapPut("/namespaces/{ns}/events/{name}", EditAsync).WithName("EditEvent").WithSummary("Validates and merge-patches the spec; an approved event returns to Proposed");
        api.MapPost("/namespaces/{ns}/events/{name}/cancel", CancelAsync).WithName("CancelEvent");
    }

    private static async Task<IResult> ListAsync(string ns, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, IAccessReview review, IScalingEventStore store, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, "list", ns) is { } denied) return denied;
        var now = time.GetUtcNow();
        var (f, t) = (from ?? now - TimeSpan.FromDays(45), to ?? now + TimeSpan.FromDays(90));
        if (t <= f || t - f > TimeSpan.FromDays(400)) return ProblemResults.Message(422, "from must be before to, at most 400 days apart");
        var items = await store.ListAsync(ns, http.RequestAborted);
        return Results.Ok(items.Select(i => EventViews.From(i, f, t)).OrderBy(v => v.StartUtc).ToList());
    }

    private static async Task<IResult> GetAsync(string ns, string name, HttpContext http, IAccessReview review, IScalingEventStore store)
    {
        if (await Access.RequireAsync(http, review, "get", ns) is { } denied) return denied;
        var item = await store.GetAsync(ns, name, http.RequestAborted);
        return item is null ? ProblemResults.Message(404, $"no event {name} in {ns}") : Results.Ok(EventViews.From(item));
    }

    private static async Task<IResult> CreateAsync(
        string ns, EventForm form, HttpContext http, IAccessReview review, IScalingEventStore store, IWorkloadCatalog workloads, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, "create", ns) is { } denied) return denied;
        var user = CalendarUser.From(http.User);
        var existing = await store.ListAsync(ns, http.RequestAborted);
        var validated = EventFormValidator.Validate(form, time.GetUtcNow(), await workloads.ListAsync(ns, http.RequestAborted), existing);
        if (!validated.CanSave(form.AcknowledgeOverlap)) return ProblemResults.Invalid(validated);
        var item = new V1Alpha1ScalingEvent
        {
            Metadata = new V1ObjectMeta
            {
                GenerateName = Slug(form.Title!) + "-",
                NamespaceProperty = ns,
                Annotations = new Dictionary<string, string>
                {
                    [CalendarAnnotations.Title] = form.Title!.Trim(),
                    [CalendarAnnotations.CreatedBy] = user.Name,
                },
            },
            Spec = validated.Spec!,
        };
        var created = await store.CreateAsync(item, http.RequestAborted);
        created.Status = new ScalingEventStatus { Phase = ScalingEventPhases.Proposed };
        string? notice = null;
        try
        {
            await store.PatchStatusAsync(ns, created.Metadata.Name, new JsonObject { ["phase"] = ScalingEventPhases.Proposed }, http.RequestAborted);
            await store.RecordEventAsync(created, "Proposed", $"proposed by {user.Name} in the calendar", http.RequestAborted);
        }
        catch (ClusterException e)
        {
            // The event exists: answering with an error would make the user save it twice. Its state without a status is Proposed anyway.
            notice = $"saved, but recording the proposal failed: {e.Message}";
        }

        return Results.Created($"/api/namespaces/{ns}/events/{created.Metadata.Name}", new { @event = EventViews.From(created), warnings = validated.Warnings.ByField, notice });
    }

    private static async Task<IResult> EditAsync(
        string ns, string name, EventForm form, HttpContext http, IAccessReview review, IScalingEventStore store, IWorkloadCatalog workloads, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, "update", ns) is { } denied) return denied;
        var user = CalendarUser.From(http.User);
        var existing = await store.ListAsync(ns, http.RequestAborted);
        var current = existing.FirstOrDefault(e => e.Metadata.Name == name);
        if (current is null) return ProblemResults.Message(404, $"no event {name} in {ns}");
        var state = EventState.Of(current);
        if (state is EventState.Cancelled or EventState.Completed) return ProblemResults.Message(409, $"{EventTitle.Of(current)} is {state.ToLowerInvariant()} and can no longer be edited");
        var now = time.GetUtcNow();
        var validated = EventFormValidator.Validate(form, now, await workloads.ListAsync(ns, http.RequestAborted), existing, current);
        if (!validated.CanSave(form.AcknowledgeOverlap)) return ProblemResults.Invalid(validated);
        var metadata = new JsonObject
        {
            ["annotations"] = new JsonObject
            {
                [CalendarAnnotations.Title] = form.Title!.Trim(),
                [CalendarAnnotations.UpdatedBy] = user.Name,
                [CalendarAnnotations.UpdatedAt] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),

                // An edited event is proposed anew: a rejection of the old version no longer stands.
                [CalendarAnnotations.RejectedBy] = null,
                [CalendarAnnotations.RejectedAt] = null,
                [CalendarAnnotations.ReviewComment] = null,
            },
        };
        if (!string.IsNullOrEmpty(form.ResourceVersion)) metadata["resourceVersion"] = form.ResourceVersion;
        var patched = await store.PatchAsync(ns, name, new JsonObject { ["metadata"] = metadata, ["spec"] = SpecPatch.Build(validated.Spec!) }, http.RequestAborted);
        if (state != EventState.Proposed)
        {
            // A changed event needs a fresh approval: the approver approved the old window and load.
            await store.PatchStatusAsync(ns, name, new JsonObject { ["phase"] = ScalingEventPhases.Proposed, ["approvedBy"] = null, ["approvedAt"] = null, ["approvedGeneration"] = null }, http.RequestAborted);
            patched.Status = new ScalingEventStatus { Phase = ScalingEventPhases.Proposed };
        }

        await store.RecordEventAsync(patched, "Edited", $"edited by {user.Name} in the calendar{(state != EventState.Proposed ? "; approval withdrawn, needs a new approval" : string.Empty)}", http.RequestAborted);
        return Results.Ok(new { @event = EventViews.From(patched), warnings = validated.Warnings.ByField });
    }

    private static async Task<IResult> CancelAsync(string ns, string name, HttpContext http, IAccessReview review, IScalingEventStore store, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, "update", ns) is { } denied) return denied;
        var user = CalendarUser.From(http.User);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject
                {
                    [CalendarAnnotations.UpdatedBy] = user.Name,
                    [CalendarAnnotations.UpdatedAt] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                },
            },
            ["spec"] = new JsonObject { ["cancelled"] = true },
        };
        if (await store.GetAsync(ns, name, http.RequestAborted) is null) return ProblemResults.Message(404, $"no event {name} in {ns}");
        var patched = await store.PatchAsync(ns, name, patch, http.RequestAborted);
        await store.PatchStatusAsync(ns, name, new JsonObject { ["phase"] = ScalingEventPhases.Cancelled }, http.RequestAborted);
        await store.RecordEventAsync(patched, "Cancelled", $"cancelled by {user.Name} in the calendar", http.RequestAborted);
        patched.Status = new ScalingEventStatus { Phase = ScalingEventPhases.Cancelled };
        return Results.Ok(EventViews.From(patched));
    }

    /// <summary>A DNS-label prefix from a title ("Spring sale!" → "spring-sale"), at most 40 characters, "event" when nothing is left.</summary>
    internal static string Slug(string title)
    {
        var sb = new StringBuilder();
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 40) break;
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "event" : slug;
    }
}
