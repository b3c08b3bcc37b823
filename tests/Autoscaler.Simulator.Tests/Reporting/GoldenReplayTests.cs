using Autoscaler.Simulator.Tests.Replay;
using Autoscaler.Simulator.Tests.Scenarios;

namespace Autoscaler.Simulator.Tests.Reporting;

/// <summary>
/// Golden folders: <c>testassets/golden/&lt;case&gt;/</c> holds a trace, a scenario and the expected summary.json and
/// timeline.csv. Set UPDATE_GOLDEN=1 to rewrite the expected files after an intended change, then review the diff.
/// </summary>
public sealed class GoldenReplayTests
{
    public static TheoryData<string> Cases() => new(Directory.GetDirectories(TestScenarios.Asset("golden")).Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReplayMatchesTheGoldenFolder(string name)
    {
        var input = TestScenarios.Asset("golden", name);
        var outDir = Path.Combine(TestScenarios.TempDir(), "out");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Path.Combine(input, "trace.csv"), "--scenario", Path.Combine(input, "scenario.yaml"), "--out", outDir);
        Assert.True(exit == 0, stderr);
        foreach (var file in new[] { "summary.json", "timeline.csv" })
        {
            var actual = File.ReadAllText(Path.Combine(outDir, file)).Replace(input.Replace('\\', '/'), "<case>", StringComparison.Ordinal);
            var expectedPath = Path.Combine(input, "expected", file);
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                var source = Path.Combine(ScenarioLoaderTests.RepoRoot(), "tests", "Autoscaler.Simulator.Tests", "testassets", "golden", name, "expected");
                Directory.CreateDirectory(source);
                File.WriteAllText(Path.Combine(source, file), actual);
                continue;
            }

            Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run with UPDATE_GOLDEN=1 to create it");
            Assert.Equal(File.ReadAllText(expectedPath), actual);
        }
    }
}
