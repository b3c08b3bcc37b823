using System.Text.RegularExpressions;
using Autoscaler.Core.Planning.Calendar;
using NodaTime;

namespace Autoscaler.Core.Tests.Planning.Calendar;

public sealed class LocalTimeResolverTests
{
    [Fact]
    public void UtcAndOffsetTimesAreAbsolute()
    {
        Assert.True(LocalTimeResolver.TryResolve("1998-06-10T15:30:00Z", null, false, out var utc, out _));
        Assert.True(LocalTimeResolver.TryResolve("1998-06-10T17:30:00+02:00", null, false, out var offset, out _));
        Assert.Equal(utc, offset);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void LocalTimeUsesTheZonesOffsetOnThatDate()
    {
        Assert.True(LocalTimeResolver.TryResolve("1998-06-10T17:30", "Europe/Paris", false, out var summer, out _));
        Assert.Equal(new DateTimeOffset(1998, 6, 10, 15, 30, 0, TimeSpan.Zero), summer);
        Assert.True(LocalTimeResolver.TryResolve("1998-12-10T17:30", "Europe/Paris", false, out var winter, out _));
        Assert.Equal(new DateTimeOffset(1998, 12, 10, 16, 30, 0, TimeSpan.Zero), winter);
    }

    [Fact]
    public void LocalTimeInTheSpringGapIsAnError()
    {
        Assert.False(LocalTimeResolver.TryResolve("2026-03-29T02:30", "Europe/Paris", false, out _, out var error));
        Assert.Contains("does not exist in Europe/Paris", error, StringComparison.Ordinal);
        Assert.Contains("DST gap", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGapMessageNamesTheLocalTimesToUseNotUtc()
    {
        Assert.False(LocalTimeResolver.TryResolve("2027-03-28T02:30", "Europe/Paris", false, out _, out var error));
        Assert.Equal("2027-03-28T02:30:00 does not exist in Europe/Paris: on 2027-03-28 clocks jump from 02:00 to 03:00 (a DST gap); use 03:00 or later, or a time before 02:00", error);
        Assert.DoesNotContain("UTC", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryGapInEveryZoneSuggestsTheFirstValidTimeAndTheLastValidOneBefore()
    {
        // The whole class, checked against the resolver itself: for each gap 1970-2037 of every TZDB zone, a time inside it
        // is refused; the suggested "use X or later" resolves (X is the first time after the gap: one second earlier is
        // still in it) and "a time before Y" is the gap's start (Y is refused, one second before it resolves).
        var suggestion = new Regex(@"^(?<t>\S+) does not exist in (?<z>\S+): on (?<d>\d{4}-\d\d-\d\d) clocks jump from (?<from>.+) to (?<to>.+) \(a DST gap\); use \k<to> or later, or a time before \k<from>$");
        var gaps = 0;
        foreach (var zone in DateTimeZoneProviders.Tzdb.Ids.Select(id => DateTimeZoneProviders.Tzdb[id]))
        {
            var from = Instant.FromUtc(1970, 1, 1, 0, 0);
            foreach (var interval in zone.GetZoneIntervals(from, Instant.FromUtc(2037, 12, 31, 0, 0)))
            {
                if (!interval.HasStart || interval.Start <= from) continue;
                var before = zone.GetZoneInterval(interval.Start - Duration.Epsilon);
                if (interval.WallOffset <= before.WallOffset) continue;
                var gapStart = interval.Start.WithOffset(before.WallOffset).LocalDateTime;
                var inside = gapStart.PlusTicks((interval.WallOffset.Ticks - before.WallOffset.Ticks) / 2);
                gaps++;

                Assert.False(LocalTimeResolver.TryResolve(inside, zone, false, out _, out var error));
                var m = suggestion.Match(error);
                Assert.True(m.Success, $"{zone.Id}: {error}");
                var use = Wall(m.Groups["to"].Value, inside.Date);
                var avoid = Wall(m.Groups["from"].Value, inside.Date);
                Assert.True(LocalTimeResolver.TryResolve(use, zone, false, out var first, out var e1), $"{zone.Id} {use}: {e1}");
                Assert.Equal(interval.Start.ToDateTimeOffset(), first);
                Assert.False(LocalTimeResolver.TryResolve(use.PlusSeconds(-1), zone, false, out _, out _), $"{zone.Id}: {use} is not the first time after the gap");
                Assert.False(LocalTimeResolver.TryResolve(avoid, zone, false, out _, out _), $"{zone.Id}: {avoid} is not in the gap");
                Assert.True(LocalTimeResolver.TryResolve(avoid.PlusSeconds(-1), zone, false, out _, out var e2), $"{zone.Id}: {e2}");
            }
        }

        Assert.True(gaps > 1000, $"only {gaps} gaps found");
    }

    [Fact]
    public void TheOverlapMessageExplainsBothInstantsAndNamesTheOffsetsOffered()
    {
        var paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        Assert.True(LocalTimeResolver.TryParseLocal("2027-10-31T02:30", out var local, out _));
        var message = LocalTimeResolver.OverlapMessage(local, paris);
        Assert.Equal(
            "2027-10-31T02:30:00 happens twice in Europe/Paris: on 2027-10-31 clocks go back from 03:00 to 02:00 (a DST overlap), so 02:30 comes first at +02:00 (00:30Z) and again 1 h later at +01:00 (01:30Z); choose +02:00 (the first) or +01:00 (the second)",
            message);
        var lordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"]; // half-hour DST: clocks go back from 02:00 to 01:30
        Assert.True(LocalTimeResolver.TryParseLocal("2027-04-04T01:45", out var half, out _));
        Assert.Contains("clocks go back from 02:00 to 01:30 (a DST overlap), so 01:45 comes first at +11:00 (14:45Z) and again 30 min later at +10:30", LocalTimeResolver.OverlapMessage(half, lordHowe), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LocalTimeResolver.OverlapMessage(local.PlusDays(1), paris));
    }

    private static LocalDateTime Wall(string text, LocalDate day)
    {
        var withDate = text.Length > 8 ? text : $"{day:uuuu-MM-dd} {text}";
        var pattern = withDate.Length > 16 ? "uuuu-MM-dd HH:mm:ss" : "uuuu-MM-dd HH:mm";
        return NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture(pattern).Parse(withDate).GetValueOrThrow();
    }

    [Fact]
    public void LocalTimeInTheAutumnOverlapTakesTheEarlierForAStartAndTheLaterForAnEnd()
    {
        Assert.True(LocalTimeResolver.TryResolve("2026-10-25T02:30", "Europe/Paris", false, out var start, out _));
        Assert.True(LocalTimeResolver.TryResolve("2026-10-25T02:30", "Europe/Paris", true, out var end, out _));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), end);
    }

    [Theory]
    [InlineData("2026-03-29T02:30", "Mars/Olympus", "is not an IANA time zone")]
    [InlineData("2026-03-29T02:30", null, "a time zone is required")]
    [InlineData("next tuesday", "UTC", "is not a time")]
    public void BadInputSaysWhy(string text, string? zone, string message)
    {
        Assert.False(LocalTimeResolver.TryResolve(text, zone, false, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-10-31T02:30", new[] { "+02:00", "+01:00" })] // clocks go back at 03:00 CEST: 02:30 happens twice
    [InlineData("2027-03-28T02:30", new string[0])] // clocks jump from 02:00 to 03:00: no 02:30
    [InlineData("2027-06-10T12:00", new[] { "+02:00" })]
    [InlineData("2027-01-10 12:00", new[] { "+01:00" })]
    public void OffsetsOfNamesBothOffsetsInAnOverlapAndNoneInAGap(string text, string[] expected)
    {
        Assert.True(LocalTimeResolver.TryParseLocal(text, out var local, out var error), error);
        Assert.Equal(expected, LocalTimeResolver.OffsetsOf(local, NodaTime.DateTimeZoneProviders.Tzdb["Europe/Paris"]));
    }

    [Theory]
    [InlineData("2027-10-31T02:30:00+01:00")]
    [InlineData("tomorrow noon")]
    [InlineData("2027-02-30T12:00")]
    public void TryParseLocalRefusesOffsetsAndNonsenseQuotingTheText(string text)
    {
        Assert.False(LocalTimeResolver.TryParseLocal(text, out _, out var error));
        Assert.Contains($"'{text}' is not a date and time", error, StringComparison.Ordinal);
    }
}
