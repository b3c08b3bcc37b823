using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using k8s;
using Microsoft.Playwright;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>
/// The calendar in a real browser (Debian's chromium through Playwright, no downloaded browser) against the app
/// connected to the real control plane: a product manager proposes "Spring sale, tomorrow 12:00-14:00 Europe/Paris,
/// about 8x", sees the preview, saves; the ScalingEvent is in the API server as Proposed; the same user cannot approve;
/// an approver approves; the state shows Approved; bad input shows errors and saves nothing. Screenshots of each page
/// go to $AUTOSCALER_E2E_STATE/results/calendar/.
/// </summary>
[Trait("Category", "Calendar")]
[Collection(ControlPlaneCollection.Name)]
public sealed class CalendarBrowserTests(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private CalendarStage _stage = null!;

    public async Task InitializeAsync()
    {
        _stage = await CalendarStage.CreateAsync(fixture.Environment.Kubeconfig, "calendar");
        await _stage.StartAppOnCsvHistoryAsync();
    }

    public async Task DisposeAsync() => await _stage.DisposeAsync();

    [Fact]
    public async Task A_pm_proposes_an_event_that_only_another_approver_can_approve()
    {
        var alice = await PageAsAsync("alice", 1280, 800);
        await alice.GotoAsync(_stage.PageUrl("#/new"));
        await alice.GetByLabel("Title").FillAsync("Spring sale");
        await alice.GetByLabel("Checkout").CheckAsync();
        var day = CalendarCluster.TomorrowIn("Europe/Paris");
        await alice.GetByLabel("Start (local time)").FillAsync($"{day}T12:00");
        await alice.GetByLabel("End (local time)").FillAsync($"{day}T11:00");
        await alice.GetByLabel("Time zone (IANA)").FillAsync("Europe/Paris");
        await alice.GetByLabel("Expected traffic").SelectOptionAsync("multiplier");
        await alice.GetByLabel("N", new() { Exact = true }).FillAsync("8");

        // Bad input: end before start. The message sits next to the field and nothing reaches the API server.
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save as proposed" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#err-end")).ToContainTextAsync("must be after the start", new() { Timeout = 30_000 });
        await Shot(alice, "1-form-errors");
        Assert.Empty((await ListAsync()).Items);
        Assert.Equal("Spring sale", await alice.GetByLabel("Title").InputValueAsync());

        await alice.GetByLabel("End (local time)").FillAsync($"{day}T14:00");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#preview-chart")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(alice.Locator("#ready-by")).ToContainTextAsync("for a 12:00 start");
        await Shot(alice, "2-preview");

        await alice.GetByRole(AriaRole.Button, new() { Name = "Save as proposed" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#status")).ToContainTextAsync("as Proposed", new() { Timeout = 30_000 });
        var stored = Assert.Single((await ListAsync()).Items);
        Assert.Equal(ScalingEventPhases.Proposed, stored.Status?.Phase);
        Assert.Equal($"{day}T12:00:00", stored.Spec.Start);
        Assert.Equal("Europe/Paris", stored.Spec.TimeZone);
        Assert.Equal(8, stored.Spec.ExpectedLoad.Multiplier);
        Assert.Equal(["checkout"], stored.Spec.Targets.HpaNames);

        // The proposer holds the approve verb (checked by a real SubjectAccessReview): the page offers no approval, and
        // the API refuses one sent from the page anyway (with a valid CSRF token).
        await alice.GotoAsync(_stage.PageUrl("#/approvals"));
        await Assertions.Expect(alice.Locator("tr", new() { HasText = "Spring sale" })).ToContainTextAsync("another approver must review it", new() { Timeout = 30_000 });
        await Shot(alice, "3-self-approval-refused");
        var answer = await alice.EvaluateAsync<string>(
            @"async name => {
                const t = (await (await fetch('/api/antiforgery')).json()).token;
                const r = await fetch(`/api/namespaces/${document.querySelector('#namespace').value}/events/${name}/approve`,
                  { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': t }, body: JSON.stringify({ comment: 'mine' }) });
                return r.status + ' ' + (await r.json()).error;
              }",
            stored.Metadata.Name);
        Assert.StartsWith("403 alice proposed this event and cannot approve it", answer, StringComparison.Ordinal);
        Assert.Equal(ScalingEventPhases.Proposed, (await ListAsync()).Items[0].Status?.Phase);

        var bob = await PageAsAsync("bob", 1280, 800);
        await bob.GotoAsync(_stage.PageUrl("#/approvals"));
        await bob.GetByLabel("Comment").FillAsync("capacity checked");
        await Shot(bob, "4-approval-queue");
        await bob.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(bob.Locator("#status")).ToContainTextAsync("Approved", new() { Timeout = 30_000 });
        var approved = (await ListAsync()).Items[0];
        // Approved as the calendar wrote it, or Scheduled if a controller already took it over.
        Assert.Contains(approved.Status?.Phase, new[] { ScalingEventPhases.Approved, ScalingEventPhases.Scheduled });
        Assert.Equal("bob", approved.Status?.ApprovedBy);
        Assert.Equal(approved.Metadata.Generation, approved.Status?.ApprovedGeneration);
        // The calendar creates this Event before it answers the approval (not a controller, asynchronously), so the
        // page showing "Approved" means it is stored: one read checks that contract.
        var events = await _stage.Kube.CoreV1.ListNamespacedEventAsync(_stage.Namespace);
        Assert.Contains(events.Items, e => e.Reason == "Approved" && e.Message.Contains("bob", StringComparison.Ordinal));

        await alice.GotoAsync(_stage.PageUrl("#/week"));
        await Assertions.Expect(alice.Locator("h2")).ToContainTextAsync("Week of", new() { Timeout = 30_000 });
        await Shot(alice, "5-week");
        await alice.Locator("#nav-month").ClickAsync();
        await Assertions.Expect(alice.Locator(".ev.Approved", new() { HasText = "Spring sale" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Shot(alice, "6-month");
        await alice.Locator(".ev.Approved", new() { HasText = "Spring sale" }).First.ClickAsync();
        await Assertions.Expect(alice.Locator("main")).ToContainTextAsync("Approved by bob: saving a change withdraws the approval", new() { Timeout = 30_000 });
        var phone = await PageAsAsync("alice", 390, 844);
        await phone.GotoAsync(_stage.PageUrl("#/new"));
        await Assertions.Expect(phone.GetByLabel("Title")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Shot(phone, "7-phone-form");
    }

    [Fact]
    public async Task An_ambiguous_autumn_time_is_asked_about_and_saved_with_the_chosen_offset()
    {
        var alice = await PageAsAsync("alice", 1280, 800);
        await alice.GotoAsync(_stage.PageUrl("#/new"));
        await alice.GetByLabel("Title").FillAsync("Night migration");
        await alice.GetByLabel("Checkout").CheckAsync();
        await alice.GetByLabel("Start (local time)").FillAsync("2027-10-31T02:30");
        await alice.GetByLabel("End (local time)").FillAsync("2027-10-31T04:00");
        await alice.GetByLabel("Time zone (IANA)").FillAsync("Europe/Paris");
        await alice.GetByLabel("Expected traffic").SelectOptionAsync("absoluteFloor");
        await alice.GetByLabel("N", new() { Exact = true }).FillAsync("6");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save as proposed" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#err-start")).ToContainTextAsync("happens twice", new() { Timeout = 30_000 });
        await Shot(alice, "8-dst-overlap-question");
        Assert.Empty((await ListAsync()).Items);

        await alice.GetByLabel("UTC+01:00").CheckAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "Save as proposed" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#status")).ToContainTextAsync("as Proposed", new() { Timeout = 30_000 });
        var stored = Assert.Single((await ListAsync()).Items);
        Assert.Equal("2027-10-31T02:30:00+01:00", stored.Spec.Start);
        Assert.Equal(6, stored.Spec.ExpectedLoad.AbsoluteFloor);
    }

    [Fact]
    public async Task An_imported_repeating_event_is_offered_one_occurrence_at_a_time()
    {
        // Weekly at 18:00 Paris for three weeks from two weeks ahead, the second week excluded: two drafts.
        var first = NodaTime.LocalDate.FromDateTime(DateTime.UtcNow).PlusDays(14);
        string Ics(NodaTime.LocalDate d) => d.ToString("uuuuMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var ics = string.Join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Marketing//EN", "BEGIN:VEVENT", "UID:weekly@marketing.example", "DTSTAMP:20261120T090000Z",
            $"DTSTART;TZID=Europe/Paris:{Ics(first)}T180000", $"DTEND;TZID=Europe/Paris:{Ics(first)}T200000", "RRULE:FREQ=WEEKLY;COUNT=3",
            $"EXDATE;TZID=Europe/Paris:{Ics(first.PlusWeeks(1))}T180000", "SUMMARY:Evening deals", "END:VEVENT", "END:VCALENDAR", string.Empty);
        var alice = await PageAsAsync("alice", 1280, 800);
        await alice.GotoAsync(_stage.PageUrl("#/new"));
        await alice.Locator("#ics").SetInputFilesAsync(new FilePayload { Name = "campaigns.ics", MimeType = "text/calendar", Buffer = System.Text.Encoding.UTF8.GetBytes(ics) });
        await Assertions.Expect(alice.Locator("#banner")).ToContainTextAsync("Imported event 1 of 2 (one occurrence of FREQ=WEEKLY;COUNT=3)", new() { Timeout = 30_000 });
        Assert.Equal("Evening deals", await alice.GetByLabel("Title").InputValueAsync());
        Assert.Equal($"{first:uuuu-MM-dd}T18:00", await alice.GetByLabel("Start (local time)").InputValueAsync());
        await alice.GetByRole(AriaRole.Button, new() { Name = "Next imported event" }).ClickAsync();
        await Assertions.Expect(alice.Locator("#banner")).ToContainTextAsync("Imported event 2 of 2", new() { Timeout = 30_000 });
        Assert.Equal($"{first.PlusWeeks(2):uuuu-MM-dd}T18:00", await alice.GetByLabel("Start (local time)").InputValueAsync());
        await Assertions.Expect(alice.GetByRole(AriaRole.Button, new() { Name = "Next imported event" })).ToBeHiddenAsync();
        await Shot(alice, "11-imported-draft");
        Assert.Empty((await ListAsync()).Items);
    }

    private Task<IPage> PageAsAsync(string user, int width, int height) => _stage.Browser.PageAsAsync(user, width, height);

    private Task<V1Alpha1ScalingEventList> ListAsync() => _stage.ListEventsAsync();

    private static Task Shot(IPage page, string name) => CalendarBrowser.ShotAsync(page, name);
}
