using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Feeds;

namespace Autoscaler.Calendar.Api;

/// <summary>The iCalendar feed of a namespace's events, and .ics import into drafts.</summary>
public static class IcalEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/namespaces/{ns}/events.ics", FeedAsync).WithName("EventsFeed").WithSummary("iCalendar (RFC 5545) feed of the namespace's events: one VEVENT per window from 45 days back to 180 ahead");
        api.MapPost("/namespaces/{ns}/import", ImportAsync).WithName("ImportIcs").WithSummary("Reads an .ics file (request body, text/calendar) into drafts; saves nothing");
    }

    private static async Task<IResult> FeedAsync(string ns, HttpContext http, IAccessReview review, IScalingEventStore store, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, "list", ns) is { } denied) return denied;
        var items = await store.ListAsync(ns, http.RequestAborted);
        var now = time.GetUtcNow();
        var views = items.Select(i => EventViews.From(i, now - TimeSpan.FromDays(45), now + TimeSpan.FromDays(180)));
        return Results.Text(IcalFeed.Write(views, now), "text/calendar; charset=utf-8");
    }

    private static async Task<IResult> ImportAsync(string ns, HttpContext http, IAccessReview review, TimeProvider time)
    {
        if (await Access.RequireAsync(http, review, "create", ns) is { } denied) return denied;
        using var reader = new StreamReader(http.Request.Body);
        var buffer = new char[IcalImport.MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), http.RequestAborted);
        if (read > IcalImport.MaxBytes) return ProblemResults.Message(413, $"the file is larger than {IcalImport.MaxBytes / 1024} KiB");
        var drafts = IcalImport.Read(new string(buffer, 0, read), time.GetUtcNow(), out var error);
        return drafts is null ? ProblemResults.Message(422, error) : Results.Ok(drafts);
    }
}
