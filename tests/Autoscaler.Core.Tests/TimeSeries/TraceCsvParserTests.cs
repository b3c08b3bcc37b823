using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Tests.TimeSeries;

public sealed class TraceCsvParserTests
{
    private static TraceParseResult Parse(string text) => TraceCsvParser.Parse(new StringReader(text), "trace.csv");

    [Fact]
    public void ParsesHeaderAndRows()
    {
        var result = Parse("timestamp,value\n1998-04-30T21:30:00Z,2\n1998-04-30T21:31:00Z,11.5\n");
        Assert.True(result.Succeeded);
        var series = result.Assembled!.Series;
        Assert.Equal(2, series.Count);
        Assert.Equal(new DateTime(1998, 4, 30, 21, 31, 0, DateTimeKind.Utc), series.End);
        Assert.Equal(DateTimeKind.Utc, series.Start.Kind);
        Assert.Equal(11.5, series.Values[1]);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void ConvertsOffsetsToUtc()
    {
        var result = Parse("2020-01-01T02:00:00+02:00,1\n");
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), result.Assembled!.Series.Start);
    }

    [Fact]
    public void UnparsableTimestampNamesFileLineAndField()
    {
        var result = Parse("timestamp,value\n2020-01-01T00:00:00Z,1\nyesterday,2\n");
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("timestamp", error.Field);
        Assert.StartsWith("trace.csv:3: error: field 'timestamp'", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-01-01T00:00:00Z,abc", "value")]
    [InlineData("2020-01-01T00:00:00Z,NaN", "value")]
    [InlineData("2020-01-01T00:00:00Z", "value")]
    [InlineData("2020-01-01T00:00:00Z,1,2", "value")]
    [InlineData("2020-13-01T00:00:00Z,1", "timestamp")]
    public void BadFieldIsAnError(string line, string field)
    {
        var error = Assert.Single(Parse(line).Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("timestamp,value\n")]
    [InlineData("# only a comment\n\n")]
    public void EmptyTraceIsAnError(string text)
    {
        var result = Parse(text);
        Assert.False(result.Succeeded);
        Assert.Contains("empty", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CollectsEveryBadLineUpToTheCap()
    {
        var lines = Enumerable.Range(1, TraceCsvParser.MaxErrors + 5).Select(i => $"bad{i},1");
        var result = Parse(string.Join('\n', lines));
        var errors = result.Errors.ToList();
        Assert.Equal(TraceCsvParser.MaxErrors + 1, errors.Count);
        Assert.Contains("5 more", errors[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicatesAndDisorderAreReportedNotFatal()
    {
        var result = Parse("2020-01-01T00:02:00Z,3\n2020-01-01T00:00:00Z,1\n2020-01-01T00:01:00Z,2\n2020-01-01T00:01:00Z,5\n2020-01-01T00:05:00Z,9\n");
        Assert.True(result.Succeeded);
        var (series, report) = result.Assembled!;
        Assert.Equal([0d + 1, 5, 3, 9], series.Values.ToArray());
        Assert.Equal(1, report.DuplicateCount);
        Assert.Equal(3, report.OutOfOrderCount); // both 00:01 lines and the 00:00 line follow 00:02
        Assert.Equal(1, report.GapCount);
        Assert.Equal(2, report.MissingPoints);
        Assert.Equal(TimeSpan.FromMinutes(1), report.Interval);
        Assert.False(report.IsRegular);
    }

    [Fact]
    public void ZonelessTimestampsAreReadAsUtcWithAWarning()
    {
        var result = Parse("2020-01-01 00:00:00,1\n");
        Assert.True(result.Succeeded);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics).Severity);
        Assert.Equal(DateTimeKind.Utc, result.Assembled!.Series.Start.Kind);
    }
}
