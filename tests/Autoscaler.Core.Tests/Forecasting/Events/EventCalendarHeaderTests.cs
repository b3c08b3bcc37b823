using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Tests.Forecasting.Events;

/// <summary>Issue 13, fault 2: a header names the columns; they are taken by name, in any order.</summary>
public sealed class EventCalendarHeaderTests
{
    [Fact]
    public void TheIssuesHeaderWithADescriptionAndNoMultiplierIsReadByName()
    {
        const string text = """
            start_utc,end_utc,kind,description
            1998-06-10T15:30:00Z,1998-06-10T17:30:00Z,match,Group A Brazil-Scotland
            """;

        var result = EventCalendarParser.Parse(new StringReader(text), "cal.csv");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var e = Assert.Single(result.Events!);
        Assert.Equal("Group A Brazil-Scotland", e.Description);
        Assert.Null(e.ExpectedMultiplier);
        Assert.Equal("match", e.Kind);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void ColumnsInAnyOrderQuotedFieldsAndUnknownColumnsReported()
    {
        const string text = """"
            description,owner,expected_multiplier,kind,end_utc,start_utc
            "Sale, day 1",anna,3,sale,2024-11-29T14:00:00Z,2024-11-29T12:00:00Z
            "He said ""go""",bob,,launch,2024-12-01T01:00:00Z,2024-12-01T00:00:00Z
            """";

        var result = EventCalendarParser.Parse(new StringReader(text), "cal.csv");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(2, result.Events!.Count);
        Assert.Equal(new ScheduledEvent(new(2024, 11, 29, 12, 0, 0, TimeSpan.Zero), new(2024, 11, 29, 14, 0, 0, TimeSpan.Zero), "sale", 3, "Sale, day 1"), result.Events[0]);
        Assert.Equal("He said \"go\"", result.Events[1].Description);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(1, warning.Line);
        Assert.Contains("owner", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadFieldIsNamedByItsColumnWhateverItsPosition()
    {
        const string text = "kind,expected_multiplier,start_utc,end_utc\nsale,lots,2024-11-29T12:00:00Z,2024-11-29T14:00:00Z\n";

        var result = EventCalendarParser.Parse(new StringReader(text), "cal.csv");

        Assert.False(result.Succeeded);
        Assert.Equal("cal.csv:2: error: field 'expected_multiplier': 'lots' is not a positive number", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void AHeaderWithoutAnEndIsAnErrorOnItsLine()
    {
        var result = EventCalendarParser.Parse(new StringReader("start_utc,kind\n2024-11-29T12:00:00Z,sale\n"), "cal.csv");

        Assert.False(result.Succeeded);
        Assert.StartsWith("cal.csv:1: error: field 'end_utc'", Assert.Single(result.Diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("start_utc;end_utc;kind\n2024-11-29T12:00:00Z;2024-11-29T14:00:00Z;sale\n")]
    [InlineData("start_utc\tend_utc\tkind\n")]
    public void SemicolonOrTabSeparatedFilesGetOneErrorSayingSo(string text)
    {
        var result = EventCalendarParser.Parse(new StringReader(text), "cal.csv");

        Assert.False(result.Succeeded);
        Assert.Contains("save the calendar as comma-separated", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderNamesAreCaseInsensitiveAndMayBeQuoted()
    {
        var result = EventCalendarParser.Parse(new StringReader("\"Kind\",\"End_UTC\",\"Start_UTC\"\nsale,2024-11-29T14:00:00Z,2024-11-29T12:00:00Z\n"), "cal.csv");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal("sale", Assert.Single(result.Events!).Kind);
    }

    [Fact]
    public void WithoutAHeaderColumnsAreByPosition()
    {
        var result = EventCalendarParser.Parse(new StringReader("2024-11-29T12:00:00Z,2024-11-29T14:00:00Z,sale,2,Black Friday, all day\n"), "cal.csv");

        var e = Assert.Single(result.Events!);
        Assert.Equal(2, e.ExpectedMultiplier);
        Assert.Equal("Black Friday, all day", e.Description);
    }

    [Fact]
    public void TheShippedKnownEventsFileIsReadAsItIs()
    {
        var result = Parse("known_events.csv");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.All(result.Events!, e => Assert.Equal(EventCalendarParser.DefaultKind, e.Kind));
        Assert.Contains(result.Events!, e => e.Series == "nyc_taxi_passengers_30min.csv" && e.Start == new DateTimeOffset(2014, 10, 30, 19, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void TheShippedMatchScheduleIsReadAsItIs()
    {
        var result = Parse("wc98_matches_until_0627.csv");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var first = result.Events![0];
        Assert.Equal(new DateTimeOffset(1998, 6, 10, 15, 30, 0, TimeSpan.Zero), first.Start);
        Assert.Equal(first.Start + EventCalendarParser.MatchDuration, first.End);
        Assert.Equal("match", first.Kind);
        Assert.Equal("Group A: Brazil v Scotland", first.Description);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Contains("kickoff_local_paris", warning.Message, StringComparison.Ordinal);
    }

    private static EventCalendarParseResult Parse(string name)
    {
        // Byte-for-byte copies of ../shared/data/events.
        var path = Path.Combine(RepoRoot(), "tests", "Autoscaler.Core.Tests", "testassets", "events", name);
        using var reader = new StreamReader(path);
        return EventCalendarParser.Parse(reader, path);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Autoscaler.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
