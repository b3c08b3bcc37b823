using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

namespace Autoscaler.Controller.Tests.Entities.Mapping;

/// <summary>
/// ScalingEvent specs the fuzzer (issue #15) found throwing out of the mapping or the series it returns, and the rest
/// of their class, now problems naming the spec field.
/// </summary>
public sealed class ScalingEventMappingBoundsTests
{
    private static ScalingEventSpec Spec(string start = "2026-12-05T18:00:00Z", string end = "2026-12-05T20:00:00Z", string? ramp = null, string? lead = null, ExpectedLoad? load = null) => new()
    {
        Start = start,
        End = end,
        Kind = "sale",
        ExpectedLoad = load ?? new ExpectedLoad { BumpPercent = 50 },
        Ramp = ramp,
        LeadTime = lead,
    };

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "2026-12-05T20:00:00Z", "500ms", "spec.start")] // seed 0x150801, case 795: the ramp start underflowed DateTimeOffset
    [InlineData("1969-12-31T23:00:00Z", "2026-12-05T20:00:00Z", null, "spec.start")]
    [InlineData("2026-12-05T18:00:00Z", "9999-12-31T23:59:59Z", null, "spec.end")]
    public void Instants_outside_1970_to_8999_are_invalid_times(string start, string end, string? ramp, string field)
    {
        var mapped = ScalingEventMapping.Map(Spec(start, end, ramp), "shop/sale");
        Assert.Null(mapped.Series);
        var problem = Assert.Single(mapped.Problems);
        Assert.Equal(("InvalidTime", field), (problem.Reason, problem.Field));
        Assert.Contains("is outside 1970-01-01 .. 8999-12-31", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00", "Asia/Kolkata", "spec.start")] // seed 0x150801, case 4001: year 0 in UTC threw out of the resolver
    [InlineData("9999-12-31T23:59:59", "Etc/GMT+12", "spec.start")] // seed 0x150801, case 5105: beyond NodaTime's Instant range
    public void Local_times_outside_years_2_to_9998_are_invalid_times_whatever_the_zone(string start, string zone, string field)
    {
        var spec = Spec(start: start);
        spec.TimeZone = zone;
        var problem = Assert.Single(ScalingEventMapping.Map(spec, "shop/sale").Problems, p => p.Field == field);
        Assert.Equal("InvalidTime", problem.Reason);
        Assert.Contains("is outside the years 2 to 9998", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("14000w", null, "spec.ramp")]
    [InlineData("31d", null, "spec.ramp")]
    [InlineData(null, "30d1s", "spec.leadTime")]
    [InlineData(null, "1h999999999999999999999914d", "spec.leadTime")] // seed 0x150801, case 3785: OverflowException in the duration parser
    public void Ramps_and_lead_times_beyond_30_days_are_invalid_durations(string? ramp, string? lead, string field)
    {
        var mapped = ScalingEventMapping.Map(Spec(ramp: ramp, lead: lead), "shop/sale");
        var problem = Assert.Single(mapped.Problems);
        Assert.Equal(("InvalidDuration", field), (problem.Reason, problem.Field));
    }

    [Fact]
    public void A_30_day_ramp_and_lead_time_still_map()
    {
        var mapped = ScalingEventMapping.Map(Spec(ramp: "30d", lead: "720h"), "shop/sale");
        Assert.Empty(mapped.Problems);
        Assert.Equal(TimeSpan.FromDays(30), mapped.ExplicitLeadTime);
    }

    public static TheoryData<ExpectedLoad, string> BadLoads => new()
    {
        { new ExpectedLoad { Multiplier = double.NaN }, "spec.expectedLoad.multiplier" },
        { new ExpectedLoad { Multiplier = double.PositiveInfinity }, "spec.expectedLoad.multiplier" },
        { new ExpectedLoad { Multiplier = 1 }, "spec.expectedLoad.multiplier" },
        { new ExpectedLoad { BumpPercent = 0 }, "spec.expectedLoad.bumpPercent" },
        { new ExpectedLoad { BumpPercent = int.MaxValue }, "spec.expectedLoad.bumpPercent" },
        { new ExpectedLoad { AbsoluteFloor = -1 }, "spec.expectedLoad.absoluteFloor" },
    };

    [Theory]
    [MemberData(nameof(BadLoads))]
    public void Loads_outside_the_crd_schemas_ranges_are_invalid(ExpectedLoad load, string field)
    {
        var problem = Assert.Single(ScalingEventMapping.Map(Spec(load: load), "shop/sale").Problems);
        Assert.Equal(("InvalidExpectedLoad", field), (problem.Reason, problem.Field));
    }
}
