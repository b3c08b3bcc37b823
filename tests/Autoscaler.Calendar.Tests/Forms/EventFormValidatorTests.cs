using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Kubernetes.Entities;
using k8s.Models;

namespace Autoscaler.Calendar.Tests.Forms;

public sealed class EventFormValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private static readonly Workload[] Workloads = [new("shop", "checkout", "Checkout", 2, 40, 3, 100, null)];

    private static EventForm Valid => new()
    {
        Title = "Spring sale", Services = ["checkout"], Start = "2026-12-01T12:00", End = "2026-12-01T14:00",
        TimeZone = "Europe/Paris", LoadKind = "multiplier", LoadValue = 8,
    };

    private static ValidatedEvent Check(EventForm form, params V1Alpha1ScalingEvent[] existing) => EventFormValidator.Validate(form, Now, Workloads, existing);

    [Fact]
    public void A_valid_form_becomes_a_spec_with_local_times_in_the_zone()
    {
        var v = Check(Valid);
        Assert.True(v.Errors.IsEmpty);
        Assert.Equal("2026-12-01T12:00:00", v.Spec!.Start);
        Assert.Equal("Europe/Paris", v.Spec.TimeZone);
        Assert.Equal(8, v.Spec.ExpectedLoad.Multiplier);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero), v.Start);
    }

    [Fact]
    public void End_before_start_is_an_error_on_end()
    {
        var v = Check(Valid with { End = "2026-12-01T11:00" });
        Assert.Contains("must be after the start", v.Errors.ByField["end"][0], StringComparison.Ordinal);
        Assert.Null(v.Spec);
    }

    [Fact]
    public void A_start_in_the_past_is_an_error()
    {
        var v = Check(Valid with { Start = "2026-11-29T12:00", End = "2026-11-29T14:00" });
        Assert.Contains("in the past", v.Errors.ByField["start"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_time_in_the_spring_gap_is_an_error_naming_the_gap()
    {
        var v = Check(Valid with { Start = "2027-03-28T02:30", End = "2027-03-28T04:00" });
        Assert.Contains("does not exist in Europe/Paris", v.Errors.ByField["start"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_gap_error_tells_a_form_user_which_local_times_to_use_not_to_write_utc()
    {
        // Regression (new user's trial): the form showed "... or write it in UTC", which the form cannot take.
        var v = Check(Valid with { Start = "2027-03-28T02:30", End = "2027-03-28T04:00" });
        Assert.Equal(
            "2027-03-28T02:30:00 does not exist in Europe/Paris: on 2027-03-28 clocks jump from 02:00 to 03:00 (a DST gap); use 03:00 or later, or a time before 02:00",
            Assert.Single(v.Errors.ByField["start"]));
        Assert.True(Check(Valid with { Start = "2027-03-28T03:00", End = "2027-03-28T04:00" }).Errors.IsEmpty);
    }

    [Fact]
    public void The_overlap_question_explains_both_instants_and_the_choice()
    {
        var v = Check(Valid with { Start = "2027-10-31T02:30", End = "2027-10-31T04:00" });
        Assert.Equal(
            "2027-10-31T02:30:00 happens twice in Europe/Paris: on 2027-10-31 clocks go back from 03:00 to 02:00 (a DST overlap), so 02:30 comes first at +02:00 (00:30Z) and again 1 h later at +01:00 (01:30Z); choose +02:00 (the first) or +01:00 (the second)",
            Assert.Single(v.Errors.ByField["start"]));
    }

    [Fact]
    public void A_local_time_in_the_autumn_overlap_asks_which_offset_and_accepts_a_choice()
    {
        var ambiguous = Valid with { Start = "2027-10-31T02:30", End = "2027-10-31T04:00" };
        var v = Check(ambiguous);
        Assert.Contains("happens twice", v.Errors.ByField["start"][0], StringComparison.Ordinal);
        Assert.Equal(["+02:00", "+01:00"], v.OffsetChoices["start"]);

        var chosen = Check(ambiguous with { StartOffset = "+01:00" });
        Assert.True(chosen.Errors.IsEmpty, string.Join(";", chosen.Errors.ByField.SelectMany(e => e.Value)));
        Assert.Equal("2027-10-31T02:30:00+01:00", chosen.Spec!.Start);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.Zero), chosen.Start);
    }

    [Fact]
    public void An_unknown_service_and_an_unknown_zone_are_named()
    {
        var v = Check(Valid with { Services = ["payments"], TimeZone = "Mars/Olympus" });
        Assert.Contains("unknown service 'payments'", v.Errors.ByField["services"][0], StringComparison.Ordinal);
        Assert.Contains("not an IANA time zone", v.Errors.ByField["timeZone"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multiplier", 1.0)]
    [InlineData("multiplier", 80.0)]
    [InlineData("bumpPercent", 0.0)]
    [InlineData("bumpPercent", 40.5)]
    [InlineData("absoluteFloor", 41.0)]
    public void Loads_outside_the_sane_range_are_errors(string kind, double value)
    {
        var v = Check(Valid with { LoadKind = kind, LoadValue = value });
        Assert.True(v.Errors.Has("loadValue"));
        Assert.Null(v.Spec);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var v = Check(new EventForm { TimeZone = "Europe/Paris" });
        Assert.True(v.Errors.Has("title") && v.Errors.Has("services") && v.Errors.Has("start") && v.Errors.Has("end") && v.Errors.Has("loadValue"));
    }

    [Fact]
    public void An_overlapping_live_event_for_the_same_service_is_a_warning_that_must_be_acknowledged()
    {
        var other = new V1Alpha1ScalingEvent
        {
            Metadata = new V1ObjectMeta { Name = "black-friday", NamespaceProperty = "shop" },
            Spec = new ScalingEventSpec
            {
                Targets = new ScalingEventTargets { HpaNames = ["checkout"] }, Start = "2026-12-01T13:00:00", End = "2026-12-01T15:00:00",
                TimeZone = "Europe/Paris", Kind = "sale", ExpectedLoad = new ExpectedLoad { Multiplier = 3 },
            },
        };
        var v = Check(Valid, other);
        Assert.True(v.Errors.IsEmpty);
        Assert.Equal(["black-friday"], v.Overlapping);
        Assert.Contains("combined floor", v.Warnings.ByField["start"][0], StringComparison.Ordinal);
        Assert.False(v.CanSave(acknowledgeOverlap: false));
        Assert.True(v.CanSave(acknowledgeOverlap: true));

        other.Spec.Cancelled = true;
        Assert.Empty(Check(Valid, other).Overlapping);
    }

    [Fact]
    public void A_bad_recurrence_is_an_error_on_its_field()
    {
        Assert.True(Check(Valid with { Recurrence = "every friday" }).Errors.Has("recurrence"));
        Assert.Equal("0 12 * * FRI", Check(Valid with { Recurrence = "0 12 * * FRI" }).Spec!.Recurrence!.Schedule);
    }

    [Fact]
    public void Times_resolve_through_the_shared_mapping_the_controller_uses()
    {
        var v = Check(Valid with { Start = "2027-10-31T01:30", End = "2027-10-31T02:30", EndOffset = "+02:00", Recurrence = "30 1 * * SUN", RecurrenceUntil = "2027-11-30T00:00" });
        Assert.True(v.Errors.IsEmpty, string.Join(";", v.Errors.ByField.SelectMany(e => e.Value)));
        var mapped = Autoscaler.Kubernetes.Entities.Mapping.ScalingEventMapping.Map(v.Spec!, null).Series!;
        Assert.Equal(mapped.First.Start, v.Start);
        Assert.Equal(mapped.First.End, v.End);
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), v.End);
        Assert.Equal("2027-11-30T00:00:00", v.Spec!.Recurrence!.Until);
    }

    [Fact]
    public void An_until_before_the_start_and_a_bad_until_are_errors_on_until()
    {
        Assert.Contains("must be after the start", Check(Valid with { Recurrence = "0 12 * * FRI", RecurrenceUntil = "2026-12-01T08:00" }).Errors.ByField["recurrenceUntil"][0], StringComparison.Ordinal);
        Assert.Contains("is not a date and time", Check(Valid with { Recurrence = "0 12 * * FRI", RecurrenceUntil = "soon" }).Errors.ByField["recurrenceUntil"][0], StringComparison.Ordinal);
    }
}
