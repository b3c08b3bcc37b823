using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Kubernetes.Entities;
using k8s.Models;

namespace Autoscaler.Calendar.Tests.Forms;

/// <summary>
/// The overlap warning compares every window of recurring events within the horizon, on each zone's wall clock.
/// Europe/Paris goes from UTC+1 to UTC+2 on 2027-03-28, so "Saturdays 12:00 Paris" is 11:00Z on 2027-03-20 and 10:00Z
/// on 2027-04-03.
/// </summary>
public sealed class EventOverlapsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly Workload[] Workloads = [new("shop", "checkout", "Checkout", 2, 40, 3, 100, null), new("shop", "search", "Search", 2, 40, 3, 100, null)];

    private static EventForm OneOff(string start, string end, string zone = "UTC") => new()
    {
        Title = "Flash sale", Services = ["checkout"], Start = start, End = end, TimeZone = zone, LoadKind = "multiplier", LoadValue = 3,
    };

    private static V1Alpha1ScalingEvent Brunch(string? until = null, string hpa = "checkout") => new()
    {
        Metadata = new V1ObjectMeta { Name = "saturday-brunch", NamespaceProperty = "shop" },
        Spec = new ScalingEventSpec
        {
            Targets = new ScalingEventTargets { HpaNames = [hpa] }, Start = "2027-03-20T12:00:00", End = "2027-03-20T13:00:00",
            TimeZone = "Europe/Paris", Kind = "brunch", ExpectedLoad = new ExpectedLoad { Multiplier = 2 },
            Recurrence = new EventRecurrence { Schedule = "0 12 * * SAT", Until = until },
        },
    };

    private static ValidatedEvent Check(EventForm form, params V1Alpha1ScalingEvent[] existing) => EventFormValidator.Validate(form, Now, Workloads, existing);

    [Fact]
    public void A_later_window_of_a_recurring_event_overlaps_after_the_dst_change()
    {
        var v = Check(OneOff("2027-04-03T10:15", "2027-04-03T10:45"), Brunch());
        Assert.True(v.Errors.IsEmpty);
        Assert.Equal(["saturday-brunch"], v.Overlapping);
        Assert.Contains("saturday-brunch (2027-04-03 10:00-11:00Z)", v.Warnings.ByField["start"][0], StringComparison.Ordinal);
        Assert.False(v.CanSave(acknowledgeOverlap: false));
    }

    [Fact]
    public void The_repetition_stays_on_the_wall_clock_so_the_old_utc_hour_is_free()
    {
        // 11:15Z on 2027-04-03 is 13:15 in Paris: after the brunch (12:00-13:00 local), though the first window was 11:00-12:00Z.
        Assert.Empty(Check(OneOff("2027-04-03T11:15", "2027-04-03T11:45"), Brunch()).Overlapping);
        // Before the change the same UTC hour is the brunch.
        Assert.Equal(["saturday-brunch"], Check(OneOff("2027-03-27T11:15", "2027-03-27T11:45"), Brunch()).Overlapping);
    }

    [Fact]
    public void No_window_after_until_and_none_for_another_service()
    {
        Assert.Empty(Check(OneOff("2027-04-03T10:15", "2027-04-03T10:45"), Brunch(until: "2027-03-30T00:00:00")).Overlapping);
        Assert.Empty(Check(OneOff("2027-04-03T10:15", "2027-04-03T10:45"), Brunch(hpa: "search")).Overlapping);
    }

    [Fact]
    public void A_recurring_event_being_saved_is_compared_window_by_window_too()
    {
        var existing = new V1Alpha1ScalingEvent
        {
            Metadata = new V1ObjectMeta { Name = "easter-launch", NamespaceProperty = "shop" },
            Spec = new ScalingEventSpec
            {
                Targets = new ScalingEventTargets { HpaNames = ["checkout"] }, Start = "2027-04-03T10:30:00Z", End = "2027-04-03T11:00:00Z",
                Kind = "launch", ExpectedLoad = new ExpectedLoad { Multiplier = 5 },
            },
        };
        var weekly = OneOff("2026-12-05T12:00", "2026-12-05T13:00", "Europe/Paris") with { Recurrence = "0 12 * * SAT" };
        var v = Check(weekly, existing);
        Assert.Equal(["easter-launch"], v.Overlapping);
        Assert.Contains("easter-launch (2027-04-03 10:30-11:00Z)", v.Warnings.ByField["start"][0], StringComparison.Ordinal);
        Assert.Empty(Check(weekly with { RecurrenceUntil = "2027-04-01T00:00" }, existing).Overlapping);
    }

    [Fact]
    public void Windows_beyond_the_horizon_are_not_compared()
    {
        // 2027-06-05 is more than 180 days after 2026-11-30.
        Assert.Empty(Check(OneOff("2027-06-05T10:15", "2027-06-05T10:45"), Brunch()).Overlapping);
        Assert.Equal(["saturday-brunch"], Check(OneOff("2027-05-22T10:15", "2027-05-22T10:45"), Brunch()).Overlapping);
    }
}
