using System.Globalization;
using System.Text.Json.Nodes;
using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Api;

/// <summary>
/// Approve or reject a proposed event. Needs the <c>approve</c> verb on scalingevents (SubjectAccessReview); the
/// user who proposed an event may not review it. Recorded in status.approvedBy/approvedAt/approvedGeneration (the
/// entity's fields; the controller acts only while approvedGeneration equals metadata.generation),
/// in annotations (comment, rejecter) and as a core/v1 Event.
/// </summary>
public static class ApprovalEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/namespaces/{ns}/events/{name}/approve", (string ns, string name, ReviewRequest body, HttpContext http, IAccessReview review, IScalingEventStore store, TimeProvider time)
            => ReviewAsync(ns, name, body, true, http, review, store, time)).WithName("ApproveEvent");
        api.MapPost("/namespaces/{ns}/events/{name}/reject", (string ns, string name, ReviewRequest body, HttpContext http, IAccessReview review, IScalingEventStore store, TimeProvider time)
            => ReviewAsync(ns, name, body, false, http, review, store, time)).WithName("RejectEvent");
    }

    private static async Task<IResult> ReviewAsync(string ns, string name, ReviewRequest body, bool approve, HttpContext http, IAccessReview review, IScalingEventStore store, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, AutoscalerApi.ApproveVerb, ns) is { } denied) return denied;
        var user = CalendarUser.From(http.User);
        var comment = body.Comment?.Trim() ?? string.Empty;
        if (comment.Length > 512) return ProblemResults.Message(422, "the comment is longer than 512 characters");
        if (!approve && comment.Length == 0) return ProblemResults.Message(422, "say why you reject it: the comment is required");
        var item = await store.GetAsync(ns, name, http.RequestAborted);
        if (item is null) return ProblemResults.Message(404, $"no event {name} in {ns}");
        if (item.Metadata.Annotations?.TryGetValue(CalendarAnnotations.CreatedBy, out var owner) == true && owner == user.Name)
        {
            return ProblemResults.Message(403, $"{user.Name} proposed this event and cannot {(approve ? "approve" : "reject")} it: another approver must");
        }

        var state = EventState.Of(item);
        if (state != EventState.Proposed) return ProblemResults.Message(409, $"{EventTitle.Of(item)} is {state.ToLowerInvariant()}, not proposed");
        var now = time.GetUtcNow().UtcDateTime;
        var stamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var annotations = new JsonObject { [CalendarAnnotations.ReviewComment] = comment.Length == 0 ? null : comment };
        if (!approve)
        {
            annotations[CalendarAnnotations.RejectedBy] = user.Name;
            annotations[CalendarAnnotations.RejectedAt] = stamp;
        }

        // The resourceVersion makes the patch conditional: a concurrent edit (which withdraws approval) wins with a 409.
        var patched = await store.PatchAsync(ns, name, new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = item.Metadata.ResourceVersion, ["annotations"] = annotations } }, http.RequestAborted);
        var status = approve
            ? new JsonObject { ["phase"] = ScalingEventPhases.Approved, ["approvedBy"] = user.Name, ["approvedAt"] = stamp, ["approvedGeneration"] = item.Metadata.Generation }
            : new JsonObject { ["phase"] = ScalingEventPhases.Rejected, ["approvedBy"] = null, ["approvedAt"] = null, ["approvedGeneration"] = null };
        await store.PatchStatusAsync(ns, name, status, http.RequestAborted);
        var verb = approve ? "Approved" : "Rejected";
        await store.RecordEventAsync(patched, verb, $"{verb.ToLowerInvariant()} by {user.Name} at {stamp}{(comment.Length > 0 ? ": " + comment : string.Empty)}", http.RequestAborted);
        patched.Status = approve
            ? new ScalingEventStatus { Phase = ScalingEventPhases.Approved, ApprovedBy = user.Name, ApprovedAt = now, ApprovedGeneration = item.Metadata.Generation }
            : new ScalingEventStatus { Phase = ScalingEventPhases.Rejected };
        return Results.Ok(EventViews.From(patched));
    }
}
