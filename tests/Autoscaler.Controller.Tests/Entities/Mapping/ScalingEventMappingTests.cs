using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

namespace Autoscaler.Controller.Tests.Entities.Mapping;

public sealed class ScalingEventMappingTests
{
    private static ScalingEventSpec Spec(string start = "2026-12-05T18:00:00", string end = "2026-12-05T20:00:00", string zone = "Europe/Paris") => new()
    {
        Start = start,
        End = end,
        TimeZone = zone,
        Kind = "sale",
        ExpectedLoad = new ExpectedLoad { BumpPercent = 50 },
        Ramp = "20m",
        LeadTime = "90s",
    };

    [Fact]
    public void Local_times_ramp_load_and_lead_time_map_to_the_planners_terms()
    {
        var mapped = ScalingEventMapping.Map(Spec(), "shop/sale");

        Assert.Empty(mapped.Problems);
        var first = mapped.Series!.First;
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 17, 0, 0, TimeSpan.Zero), first.Start); // 18:00 CET
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 19, 0, 0, TimeSpan.Zero), first.End);
        Assert.Equal(first.Start - TimeSpan.FromMinutes(20), first.RampStart);
        Assert.Equal(Autoscaler.Core.Planning.ExpectedLoad.Bump(0.5), first.Expected);
        Assert.Equal(TimeSpan.FromSeconds(90), mapped.ExplicitLeadTime);
        Assert.Equal("shop/sale", first.Description);
        Assert.Null(mapped.Series.Recurring);
    }

    [Theory]
    [InlineData("2026-12-04T21:00:00", "2026-12-04T19:00:00", "Europe/Paris",
        "end 2026-12-04T19:00:00 (2026-12-04T18:00:00Z) is not after start 2026-12-04T21:00:00 (2026-12-04T20:00:00Z) in Europe/Paris")]
    [InlineData("2026-12-04T21:00:00Z", "2026-12-04T19:00:00Z", "UTC", "end 2026-12-04T19:00:00Z is not after start 2026-12-04T21:00:00Z")]
    public void End_before_start_is_worded_with_the_times_as_written(string start, string end, string zone, string message)
    {
        // Regression: only the UTC instants were named, so an event written 21:00-19:00 Paris read "end 18:00Z ... start 20:00Z".
        var problem = Assert.Single(ScalingEventMapping.Map(Spec(start, end, zone), "shop/sale").Problems);

        Assert.Equal("EndNotAfterStart", problem.Reason);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Repeats_come_from_the_cron_schedule_in_the_events_zone_up_to_until()
    {
        var spec = Spec();
        spec.Recurrence = new EventRecurrence { Schedule = "0 18 * * SAT", Until = "2026-12-19T23:59:00" };

        var series = ScalingEventMapping.Map(spec, null).Series!;
        var starts = series.Occurrences(series.First.Start, series.First.Start.AddDays(40)).Select(o => o.Start).ToList();

        Assert.Equal([new DateTimeOffset(2026, 12, 5, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 12, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 19, 17, 0, 0, TimeSpan.Zero)], starts);
    }

    [Fact]
    public void Every_problem_is_collected_with_its_field_and_no_series_is_made()
    {
        var spec = Spec(start: "2026-03-29T02:30:00", end: "2026-03-29T01:00:00");
        spec.ExpectedLoad = new ExpectedLoad();
        spec.Ramp = "soon";

        var mapped = ScalingEventMapping.Map(spec, null);

        Assert.Null(mapped.Series);
        Assert.Equal(
            ["LocalTimeInDstGap spec.start", "MissingExpectedLoad spec.expectedLoad", "InvalidDuration spec.ramp"],
            mapped.Problems.Select(p => $"{p.Reason} {p.Field}"));
    }

    [Fact]
    public void An_unknown_zone_and_a_bad_schedule_are_reported()
    {
        var unknownZone = ScalingEventMapping.Map(Spec(zone: "Mars/Olympus"), null);
        var badCron = Spec();
        badCron.Recurrence = new EventRecurrence { Schedule = "every friday" };

        Assert.Equal("UnknownTimeZone", Assert.Single(unknownZone.Problems).Reason);
        Assert.Equal("spec.recurrence.schedule", Assert.Single(ScalingEventMapping.Map(badCron, null).Problems).Field);
    }
}
