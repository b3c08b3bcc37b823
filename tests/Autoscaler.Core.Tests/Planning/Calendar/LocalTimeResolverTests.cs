using Autoscaler.Core.Planning.Calendar;

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
