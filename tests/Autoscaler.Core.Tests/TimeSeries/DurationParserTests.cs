using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Tests.TimeSeries;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1h", 3600)]
    [InlineData("14d", 1209600)]
    [InlineData("1w", 604800)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("250ms", 0.25)]
    public void ParsesUnits(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("h")]
    [InlineData("10y")]
    [InlineData("-5m")]
    [InlineData("5 m")]
    public void RejectsWithAReason(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
        Assert.Throws<FormatException>(() => DurationParser.Parse(text));
    }

    [Theory]
    [InlineData("1h30m")]
    [InlineData("14d")]
    [InlineData("90s")]
    [InlineData("2d3h4m5s")]
    public void FormatRoundTrips(string text)
    {
        var parsed = DurationParser.Parse(text);
        Assert.Equal(parsed, DurationParser.Parse(DurationParser.Format(parsed)));
    }

    [Fact]
    public void FormatUsesLargestUnits() => Assert.Equal("1m30s", DurationParser.Format(TimeSpan.FromSeconds(90)));
}
