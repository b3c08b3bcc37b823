using Autoscaler.Core.Forecasting.Events;

namespace Autoscaler.Core.Tests.Forecasting.Events;

public sealed class EventCalendarParserTests
{
    [Fact]
    public void ParsesRequiredAndOptionalColumns()
    {
        const string text = """
            # comment
            start_utc,end_utc,kind,expected_multiplier,description
            1998-06-10T15:30:00Z,1998-06-10T17:30:00Z,match,,Group A: Brazil v Scotland, opening match
            2024-11-29T12:00:00Z,2024-11-29T14:00:00Z,sale,8
            2024-12-01T00:00:00Z,2024-12-02T00:00:00Z,holiday
            """;

        var result = EventCalendarParser.Parse(new StringReader(text), "cal.csv");

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Events!.Count);
        Assert.Equal("Group A: Brazil v Scotland, opening match", result.Events[0].Description);
        Assert.Null(result.Events[0].ExpectedMultiplier);
        Assert.Equal(8, result.Events[1].ExpectedMultiplier);
        Assert.Equal(new DateTimeOffset(2024, 11, 29, 14, 0, 0, TimeSpan.Zero), result.Events[1].End);
    }

    [Theory]
    [InlineData("2024-11-29T12:00:00Z,2024-11-29T14:00:00Z", "kind")]
    [InlineData("yesterday,2024-11-29T14:00:00Z,sale", "start_utc")]
    [InlineData("2024-11-29T12:00:00Z,2024-11-29T11:00:00Z,sale", "end_utc")]
    [InlineData("2024-11-29T12:00:00Z,2024-11-29T14:00:00Z,sale,-3", "expected_multiplier")]
    [InlineData("2024-11-29T12:00:00Z,2024-11-29T14:00:00Z, ", "kind")]
    public void BadLinesAreReportedWithLineAndField(string badLine, string field)
    {
        var text = "start_utc,end_utc,kind\n2024-11-28T12:00:00Z,2024-11-28T14:00:00Z,sale\n" + badLine + "\n";

        var result = EventCalendarParser.Parse(new StringReader(text), "cal.csv");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.StartsWith("cal.csv:3: error: field '" + field + "'", error.ToString(), StringComparison.Ordinal);
    }
}
