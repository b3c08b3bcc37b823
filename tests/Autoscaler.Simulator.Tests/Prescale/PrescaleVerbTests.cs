using System.Text.Json;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Prescale;

/// <summary>replay with a <c>prescale</c> section: what it writes, and how it refuses bad input.</summary>
public sealed class PrescaleVerbTests
{
    private static readonly string Trace = TestScenarios.Asset("small", "trace.csv");

    private static string Scenario(string dir, string prescale, string events = "start_utc,end_utc,kind,expected_multiplier,description\n2020-01-01T00:04:00Z,2020-01-01T00:07:00Z,sale,3,flash sale\n")
    {
        File.WriteAllText(Path.Combine(dir, "events.csv"), events);
        var path = Path.Combine(dir, "scenario.yaml");
        File.WriteAllText(path, File.ReadAllText(TestScenarios.Asset("small", "scenario.yaml")) + prescale);
        return path;
    }

    [Fact]
    public void WritesFloorColumnDecisionsAndEventFields()
    {
        var dir = TestScenarios.TempDir();
        var scenario = Scenario(dir, """
            prescale:
              events: events.csv
              forecaster: none
              leadTime: 1m
              schedule:
                - { start: "2020-01-01T01:02", end: "2020-01-01T01:05", timeZone: Europe/Paris, kind: launch, floor: 6 }
            """);
        var outDir = Path.Combine(dir, "out");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", scenario, "--out", outDir);
        Assert.True(exit == 0, stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        Assert.True(root.GetProperty("floorMinutes").GetDouble() > 0);
        Assert.True(root.GetProperty("prescalePodHours").GetDouble() > 0);
        var events = root.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["launch", "sale"], events.Select(e => e.GetProperty("kind").GetString()).Order());
        Assert.All(events, e => Assert.True(e.TryGetProperty("timeToCapacitySeconds", out _)));
        Assert.Equal("1m", root.GetProperty("prescale").GetProperty("leadTime").GetString());
        var timeline = File.ReadAllLines(Path.Combine(outDir, "timeline.csv"));
        Assert.EndsWith(",capacity,floor", timeline[0], StringComparison.Ordinal);
        // The launch (00:02-00:05 UTC, 01:02 Paris in winter) floor of 6 is held from 00:01, one lead time earlier.
        Assert.EndsWith(",6", timeline.Single(l => l.StartsWith("2020-01-01T00:01:00Z", StringComparison.Ordinal)), StringComparison.Ordinal);
        var decisions = File.ReadAllLines(Path.Combine(outDir, "decisions.jsonl"));
        Assert.Contains(decisions, d => d.Contains("\"event\":\"launch@2020-01-01T00:02Z\"", StringComparison.Ordinal));
        Assert.All(decisions, d => JsonDocument.Parse(d).Dispose());
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutPrescaleTheOutputsKeepTheirShape()
    {
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", TestScenarios.Asset("small", "scenario.yaml"), "--out", outDir);
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("floorMinutes", File.ReadAllText(Path.Combine(outDir, "summary.json")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "decisions.jsonl")));
    }

    [Fact]
    public void BadPrescaleInputExitsTwoWithFileLineAndWritesNothing()
    {
        var dir = TestScenarios.TempDir();
        var scenario = Scenario(
            dir,
            """
            prescale:
              events: events.csv
              refitEvery: 1x
              leadTme: 5m
              schedule:
                - { start: "2026-03-29T02:30", end: "2026-03-29T04:00", timeZone: Europe/Paris, kind: night }
                - { start: "2026-03-20T10:00", end: "2026-03-20T11:00", timeZone: Mars/Olympus, kind: far }
            """,
            "start_utc,end_utc,kind\n2020-01-01T00:04:00Z,2020-01-01T00:07:00Z,sale\nyesterday,2020-01-01T00:07:00Z,sale\n");
        var outDir = Path.Combine(dir, "out");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", scenario, "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Contains($"{scenario}:15: error: field 'prescale.refitEvery': '1x' is not a duration", stderr, StringComparison.Ordinal);
        Assert.Contains($"{scenario}:16: error: field 'prescale.leadTme': unknown field", stderr, StringComparison.Ordinal);
        Assert.Contains($"{scenario}:18: error: field 'prescale.schedule[0].start': 2026-03-29T02:30:00 does not exist in Europe/Paris", stderr, StringComparison.Ordinal);
        Assert.Contains($"{scenario}:19: error: field 'prescale.schedule[1].timeZone': 'Mars/Olympus' is not an IANA time zone", stderr, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(dir, "events.csv")}:3: error: field 'start_utc'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("  forecaster: crystal-ball\n", "field 'prescale.forecaster': unknown model 'crystal-ball'")]
    [InlineData("  quantile: 0.99\n", "field 'prescale.quantile': must be between 0.1 and 0.9")]
    [InlineData("  actuation: patch\n", "field 'prescale.actuation': 'patch' is not an actuation")]
    [InlineData("  mode: yolo\n", "field 'prescale.mode': 'yolo' is not a mode")]
    [InlineData("  events: missing.csv\n", "field 'prescale.events': events file")]
    [InlineData("  recurring:\n    - { cron: \"0 18 * * FRI\", timeZone: Europe/Paris }\n", "field 'prescale.recurring[0].duration': required")]
    [InlineData("  exclusions:\n    - { date: 2026-13-01 }\n", "field 'prescale.exclusions[0].date': '2026-13-01' is not a date")]
    public void EachBadFieldIsNamed(string yaml, string message)
    {
        var dir = TestScenarios.TempDir();
        var scenario = Scenario(dir, "prescale:\n" + yaml);
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", scenario, "--out", Path.Combine(dir, "out"));
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
