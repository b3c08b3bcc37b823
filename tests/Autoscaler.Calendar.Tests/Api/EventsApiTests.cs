using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Tests.Fakes;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Tests.Api;

public sealed class EventsApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private CalendarHost _host = null!;

    private static object SpringSale => new
    {
        title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00",
        timeZone = "Europe/Paris", loadKind = "multiplier", loadValue = 8,
    };

    public async Task InitializeAsync()
    {
        _host = await CalendarHost.StartAsync(Now);
        _host.Rbac.Grant("pm", "shop", "list", "get", "create", "update").Grant("sre", "shop", "list", "get", "approve").Grant("pm2", "shop", "list", "get", "create", "update", "approve");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> CreateAsync(string user = "pm")
    {
        var pm = await _host.ProxiedAsync(user);
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/events", SpringSale);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("event").GetProperty("name").GetString()!;
    }

    [Fact]
    public async Task A_pm_creates_a_proposed_event_recorded_with_who()
    {
        var name = await CreateAsync();
        Assert.StartsWith("spring-sale-", name, StringComparison.Ordinal);
        var stored = await _host.Store.GetAsync("shop", name, default);
        Assert.Equal(ScalingEventPhases.Proposed, stored!.Status!.Phase);
        Assert.Equal("pm", stored.Metadata.Annotations[CalendarAnnotations.CreatedBy]);
        Assert.Equal("Spring sale", stored.Metadata.Annotations[CalendarAnnotations.Title]);
        Assert.Equal(["checkout"], stored.Spec.Targets.HpaNames);
        Assert.Contains(_host.Store.Events, e => e.Name == name && e.Reason == "Proposed" && e.Message.Contains("pm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_returns_field_errors_and_saves_nothing()
    {
        var pm = await _host.ProxiedAsync("pm");
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/events", new { title = "", services = new[] { "nope" }, start = "2026-12-01T12:00", end = "2026-12-01T11:00", timeZone = "Europe/Paris", loadKind = "multiplier", loadValue = 500 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = doc.RootElement.GetProperty("errors");
        foreach (var field in new[] { "title", "services", "end", "loadValue" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(0, _host.Store.Count);
    }

    [Fact]
    public async Task A_failed_write_returns_the_servers_message_and_nothing_is_saved()
    {
        _host.Store.FailWrites = (422, "ScalingEvent.autoscaling.autoscaler.dev \"x\" is invalid: spec.kind: Invalid value");
        var pm = await _host.ProxiedAsync("pm");
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/events", SpringSale);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("spec.kind: Invalid value", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _host.Store.Count);
    }

    [Fact]
    public async Task When_only_the_status_write_fails_the_created_event_is_reported_as_saved_so_it_is_not_saved_twice()
    {
        _host.Store.FailStatusWrites = (503, "etcd leader changed");
        var pm = await _host.ProxiedAsync("pm");
        var response = await pm.PostAsJsonAsync("/api/namespaces/shop/events", SpringSale);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("etcd leader changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, _host.Store.Count);
        var list = await pm.GetFromJsonAsync<JsonElement>("/api/namespaces/shop/events");
        Assert.Equal("Proposed", list[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_proposer_cannot_approve_even_with_the_approve_verb_but_another_approver_can()
    {
        var name = await CreateAsync("pm2");
        var self = await _host.ProxiedAsync("pm2");
        var denied = await self.PostAsJsonAsync($"/api/namespaces/shop/events/{name}/approve", new { comment = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("cannot approve", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var sre = await _host.ProxiedAsync("sre");
        var approved = await sre.PostAsJsonAsync($"/api/namespaces/shop/events/{name}/approve", new { comment = "capacity checked" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var stored = await _host.Store.GetAsync("shop", name, default);
        Assert.Equal(ScalingEventPhases.Approved, stored!.Status!.Phase);
        Assert.Equal("sre", stored.Status.ApprovedBy);
        Assert.Equal(Now.UtcDateTime, stored.Status.ApprovedAt);
        Assert.Equal(stored.Metadata.Generation, stored.Status.ApprovedGeneration);
        Assert.Equal("capacity checked", stored.Metadata.Annotations[CalendarAnnotations.ReviewComment]);
        Assert.Contains(_host.Store.Events, e => e.Name == name && e.Reason == "Approved" && e.Message.Contains("sre", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approving_needs_the_approve_verb()
    {
        var name = await CreateAsync();
        _host.Rbac.Grant("viewer", "shop", "list");
        var viewer = await _host.ProxiedAsync("viewer");
        var response = await viewer.PostAsJsonAsync($"/api/namespaces/shop/events/{name}/approve", new { comment = "" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("may not approve", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(_host.Rbac.Reviews, r => r == ("viewer", "approve", "shop"));
    }

    [Fact]
    public async Task Rejecting_needs_a_comment_and_records_who()
    {
        var name = await CreateAsync();
        var sre = await _host.ProxiedAsync("sre");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await sre.PostAsJsonAsync($"/api/namespaces/shop/events/{name}/reject", new { comment = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sre.PostAsJsonAsync($"/api/namespaces/shop/events/{name}/reject", new { comment = "too close to the freeze" })).StatusCode);
        var stored = await _host.Store.GetAsync("shop", name, default);
        Assert.Equal(ScalingEventPhases.Rejected, stored!.Status!.Phase);
        Assert.Equal("sre", stored.Metadata.Annotations[CalendarAnnotations.RejectedBy]);

        // The controller rewrites status.phase on its next pass; the rejection must survive that.
        await _host.Store.PatchStatusAsync("shop", name, new System.Text.Json.Nodes.JsonObject { ["phase"] = ScalingEventPhases.Proposed }, default);
        var stillRejected = await sre.PostAsJsonAsync($"/api/namespaces/shop/events/{name}/approve", new { comment = "" });
        Assert.Equal(HttpStatusCode.Conflict, stillRejected.StatusCode);
    }

    [Fact]
    public async Task Editing_an_approved_event_withdraws_the_approval_and_a_stale_version_conflicts()
    {
        var name = await CreateAsync();
        var sre = await _host.ProxiedAsync("sre");
        (await sre.PostAsJsonAsync($"/api/namespaces/shop/events/{name}/approve", new { comment = "ok" })).EnsureSuccessStatusCode();
        var pm = await _host.ProxiedAsync("pm");
        var stale = await pm.PutAsJsonAsync($"/api/namespaces/shop/events/{name}", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T15:00",
            timeZone = "Europe/Paris", loadKind = "absoluteFloor", loadValue = 12, resourceVersion = "1",
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var edited = await pm.PutAsJsonAsync($"/api/namespaces/shop/events/{name}", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T15:00",
            timeZone = "Europe/Paris", loadKind = "absoluteFloor", loadValue = 12,
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var stored = await _host.Store.GetAsync("shop", name, default);
        Assert.Equal(ScalingEventPhases.Proposed, stored!.Status!.Phase);
        Assert.Null(stored.Status.ApprovedBy);
        Assert.Null(stored.Status.ApprovedGeneration);
        Assert.Equal(2, stored.Metadata.Generation);
        Assert.Equal(12, stored.Spec.ExpectedLoad.AbsoluteFloor);
        Assert.Null(stored.Spec.ExpectedLoad.Multiplier);
        Assert.Equal("2026-12-01T15:00:00", stored.Spec.End);
    }

    [Fact]
    public async Task Cancel_sets_spec_cancelled()
    {
        var name = await CreateAsync();
        var pm = await _host.ProxiedAsync("pm");
        (await pm.PostAsync(new Uri($"/api/namespaces/shop/events/{name}/cancel", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var stored = await _host.Store.GetAsync("shop", name, default);
        Assert.True(stored!.Spec.Cancelled);
        var list = await pm.GetFromJsonAsync<JsonElement>("/api/namespaces/shop/events");
        Assert.Equal("Cancelled", list[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_recurring_event_lists_each_window_in_the_range_at_the_same_local_time_across_dst()
    {
        var pm = await _host.ProxiedAsync("pm");
        (await pm.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Friday promo", services = new[] { "checkout" }, start = "2027-03-19T18:00", end = "2027-03-19T20:00", timeZone = "Europe/Paris",
            loadKind = "bumpPercent", loadValue = 40, recurrence = "0 18 * * FRI", recurrenceUntil = "2027-04-03T00:00",
        })).EnsureSuccessStatusCode();
        var list = await pm.GetFromJsonAsync<JsonElement>("/api/namespaces/shop/events?from=2027-03-01T00:00:00Z&to=2027-05-01T00:00:00Z");
        var starts = list[0].GetProperty("occurrences").EnumerateArray().Select(o => o.GetProperty("startUtc").GetDateTimeOffset()).ToList();
        // 18:00 in Paris is 17:00 UTC before the 28 March change and 16:00 UTC after; none after until (3 April, so not 9 April).
        Assert.Equal(
            [new DateTimeOffset(2027, 3, 19, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 26, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 4, 2, 16, 0, 0, TimeSpan.Zero)],
            starts);
        var feed = await pm.GetStringAsync(new Uri("/api/namespaces/shop/events.ics", UriKind.Relative));
        Assert.Contains("DTSTART:20270319T170000Z", feed, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20270402T160000Z", feed, StringComparison.Ordinal);
        Assert.Contains(".shop.20270402T1600@autoscaler.dev", feed, StringComparison.Ordinal);
        var bad = await pm.GetAsync(new Uri("/api/namespaces/shop/events?from=2027-05-01T00:00:00Z&to=2027-03-01T00:00:00Z", UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact]
    public async Task A_recurring_events_until_is_returned_so_the_page_can_show_and_resend_it()
    {
        // Regression: the view carried the schedule but not until, and the page had no until field, so saving an edit
        // of a recurring event from the page sent recurrence without until and the merge patch removed it: the event
        // then repeated with no end.
        var pm = await _host.ProxiedAsync("pm");
        var created = await pm.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Friday promo", services = new[] { "checkout" }, start = "2027-03-19T18:00", end = "2027-03-19T20:00", timeZone = "Europe/Paris",
            loadKind = "bumpPercent", loadValue = 40, recurrence = "0 18 * * FRI", recurrenceUntil = "2027-04-03T00:00",
        });
        created.EnsureSuccessStatusCode();
        var list = await pm.GetFromJsonAsync<JsonElement>("/api/namespaces/shop/events");
        var view = list[0];
        Assert.Equal("2027-04-03T00:00:00", view.GetProperty("recurrenceUntil").GetString());

        // What the page now sends back on "Save changes": the until it was shown (first 16 characters, datetime-local).
        var name = view.GetProperty("name").GetString();
        var edit = await pm.PutAsJsonAsync($"/api/namespaces/shop/events/{name}", new
        {
            title = "Friday promo", services = new[] { "checkout" }, start = "2027-03-19T18:00", end = "2027-03-19T21:00", timeZone = "Europe/Paris",
            loadKind = "bumpPercent", loadValue = 40, recurrence = "0 18 * * FRI", recurrenceUntil = view.GetProperty("recurrenceUntil").GetString()![..16],
            resourceVersion = view.GetProperty("resourceVersion").GetString(),
        });
        Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        Assert.Equal("2027-04-03T00:00:00", (await pm.GetFromJsonAsync<JsonElement>("/api/namespaces/shop/events"))[0].GetProperty("recurrenceUntil").GetString());
    }

    [Fact]
    public async Task Creating_needs_the_create_verb()
    {
        _host.Rbac.Grant("viewer", "shop", "list");
        var viewer = await _host.ProxiedAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/namespaces/shop/events", SpringSale)).StatusCode);
        Assert.Equal(0, _host.Store.Count);
    }
}
