using System.Text.Json;

namespace Autoscaler.Simulator.Tests.Replay;

public sealed class CompareVerbTests
{
    [Fact]
    public void OneTraceThroughTwoScenariosGivesOneTableAndOneChart()
    {
        var dir = TestScenarios.TempDir();
        var slow = Path.Combine(dir, "slow.yaml");
        File.WriteAllText(slow, File.ReadAllText(TestScenarios.Asset("small", "scenario.yaml"))
            .Replace("name: small", "name: slow", StringComparison.Ordinal)
            .Replace("startupSeconds: 60", "startupSeconds: 240", StringComparison.Ordinal));
        var outDir = Path.Combine(dir, "out");
        var (exit, stdout, stderr) = VerbRunner.Run("compare", "--trace", TestScenarios.Asset("small", "trace.csv"),
            "--scenario", TestScenarios.Asset("small", "scenario.yaml"), "--scenario", slow, "--out", outDir);
        Assert.True(exit == 0, stderr);
        Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "compare.json")));
        var runs = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["small", "slow"], runs.Select(r => r.GetProperty("scenario").GetProperty("name").GetString()));
        // Slower start-up cannot serve more: the same HPA decisions arrive later.
        Assert.True(runs[1].GetProperty("unservedLoad").GetDouble() >= runs[0].GetProperty("unservedLoad").GetDouble());
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<table"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<svg"));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(outDir, "compare.csv")).Length);
    }

    [Fact]
    public void GateNamesTheScenarioThatBreachedIt()
    {
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var (exit, _, stderr) = VerbRunner.Run("compare", "--trace", TestScenarios.Asset("small", "trace.csv"),
            "--scenario", TestScenarios.Asset("small", "scenario.yaml"), "--out", outDir, "--fail-if", "podHours>0");
        Assert.Equal(1, exit);
        Assert.StartsWith("fail-if breached for scenario 'small': podHours = ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingScenarioIsBadInput()
    {
        var (exit, _, stderr) = VerbRunner.Run("compare", "--trace", TestScenarios.Asset("small", "trace.csv"), "--out", "x");
        Assert.Equal(2, exit);
        Assert.Contains("--scenario", stderr, StringComparison.Ordinal);
    }
}
