using System.Text.Json;

namespace Autoscaler.Simulator.Tests.Replay;

public sealed class ReplayVerbTests
{
    private static readonly string Trace = TestScenarios.Asset("small", "trace.csv");
    private static readonly string Scenario = TestScenarios.Asset("small", "scenario.yaml");

    [Fact]
    public void WritesSummaryTimelineAndReport()
    {
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var (exit, stdout, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", outDir);
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("small: overloadMinutes=", stdout, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var root = summary.RootElement;
        foreach (var field in new[] { "overloadMinutes", "unservedLoad", "podHours", "readyPodHours", "scaleUps", "scaleDowns", "peakReplicas", "meanUtilization", "from", "to", "scenario" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        Assert.Equal("2020-01-01T00:08:00Z", root.GetProperty("to").GetString());
        Assert.Equal(1, root.GetProperty("trace").GetProperty("duplicates").GetInt32());
        Assert.Equal(1, root.GetProperty("trace").GetProperty("gaps").GetInt32());
        Assert.Equal(100, root.GetProperty("scenario").GetProperty("workload").GetProperty("capacityPerPod").GetDouble());
        Assert.Equal("Max", root.GetProperty("scenario").GetProperty("hpa").GetProperty("behavior").GetProperty("scaleUp").GetProperty("selectPolicy").GetString());
        var timeline = File.ReadAllLines(Path.Combine(outDir, "timeline.csv"));
        Assert.Equal("time,demand,metricValue,desiredReplicas,replicas,readyReplicas,capacity", timeline[0]);
        Assert.Equal(1 + (8 * 4), timeline.Length); // one row per 15 s sync over 8 minutes
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void BadTraceExitsTwoNamesFileLineFieldAndWritesNothing()
    {
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var bad = TestScenarios.Asset("small", "bad-trace.csv");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", bad, "--scenario", Scenario, "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Contains($"{bad}:3: error: field 'timestamp'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(outDir)!));
    }

    [Fact]
    public void BadScenarioAndBadTraceAreReportedTogetherAndAnExistingOutputIsKept()
    {
        var dir = TestScenarios.TempDir();
        var outDir = Path.Combine(dir, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "summary.json"), "previous");
        var scenario = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Scenario).Replace("capacityPerPod: 100", "capacityPerPod: -1", StringComparison.Ordinal) + "extra: 1\n");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", TestScenarios.Asset("small", "bad-trace.csv"), "--scenario", scenario, "--out", outDir);
        Assert.Equal(2, exit);
        Assert.Contains("field 'timestamp'", stderr, StringComparison.Ordinal);
        Assert.Contains($"{scenario}:3: error: field 'workload.capacityPerPod'", stderr, StringComparison.Ordinal);
        Assert.Contains("field 'extra': unknown field", stderr, StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Single(Directory.GetFileSystemEntries(dir, "*", SearchOption.TopDirectoryOnly), e => e == outDir);
    }

    [Fact]
    public void BreachedGateExitsOneWithOneLineAndStillWritesTheReport()
    {
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", outDir,
            "--fail-if", "podHours>1000", "--fail-if", "overloadMinutes>=0");
        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fail-if breached: overloadMinutes = ", line, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
    }

    [Fact]
    public void PassingGatesExitZero()
    {
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", outDir, "--fail-if", "peakReplicas>20");
        Assert.True(exit == 0, stderr);
    }

    [Theory]
    [InlineData("--fail-if", "overload>3")]
    [InlineData("--bogus", "1")]
    [InlineData("--from", "yesterday")]
    [InlineData("--to", "2019-01-01T00:00:00Z")]
    public void BadOptionsExitTwoBeforeWriting(string option, string value)
    {
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", outDir, option, value);
        Assert.Equal(2, exit);
        Assert.Contains(option.TrimStart('-').Split('-')[0], stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void FromAndToCropTheReplay()
    {
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", outDir,
            "--from", "2020-01-01T00:02:00Z", "--to", "2020-01-01T00:05:00Z");
        Assert.True(exit == 0, stderr);
        var timeline = File.ReadAllLines(Path.Combine(outDir, "timeline.csv"));
        Assert.Equal("2020-01-01T00:02:00Z", timeline[1].Split(',')[0]);
        Assert.Equal("2020-01-01T00:04:45Z", timeline[^1].Split(',')[0]);
    }

    [Fact]
    public void HelpTeachesTheScenarioFields()
    {
        var (exit, stdout, _) = VerbRunner.Run("replay", "--help");
        Assert.Equal(0, exit);
        foreach (var word in new[] { "capacityPerPod", "startupJitterSeconds", "delaySeconds", "averageUtilization", "behavior", "--fail-if", "Exit codes" })
        {
            Assert.Contains(word, stdout, StringComparison.Ordinal);
        }
    }
}
