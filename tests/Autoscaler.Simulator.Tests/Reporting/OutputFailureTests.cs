using System.Globalization;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Reporting;

/// <summary>
/// Output that cannot be written (user report): every verb exits 2 with one line <c>PATH: error: cannot write output:
/// REASON</c> instead of an unhandled exception, and leaves nothing half-written; a re-run leaves no stale output.
/// </summary>
public sealed class OutputFailureTests : IDisposable
{
    private static readonly string Trace = TestScenarios.Asset("small", "trace.csv");
    private static readonly string Scenario = TestScenarios.Asset("small", "scenario.yaml");
    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> FolderVerbs => new() { "replay", "compare" };

    [Theory]
    [MemberData(nameof(FolderVerbs))]
    public void AnExistingFileAsOutFolderExitsTwoWithOneLineAndIsKept(string verb)
    {
        var file = Path.Combine(_dir, "afile");
        File.WriteAllText(file, "mine");
        var (exit, _, stderr) = VerbRunner.Run(verb, "--trace", Trace, "--scenario", Scenario, "--out", file);
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Equal($"{file}: error: cannot write output: is a file, not a folder", stderr.TrimEnd());
        Assert.Equal("mine", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(_dir));
    }

    [Theory]
    [MemberData(nameof(FolderVerbs))]
    public void AnUnwritableOutFolderExitsTwoWithOneLine(string verb)
    {
        var (exit, _, stderr) = VerbRunner.Run(verb, "--trace", Trace, "--scenario", Scenario, "--out", "/proc/nope");
        Assert.Equal(VerbDispatcher.BadInput, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("/proc/nope: error: cannot write output: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp-", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists("/proc/nope"));
    }

    [Fact]
    public void HpaCasesIntoADirectoryOrAnUnwritablePathExitsTwoWithOneLine()
    {
        var cases = Autoscaler.Simulator.Tests.HpaCases.CaseFile.Path;
        var folder = Path.Combine(_dir, "out") + "/";
        Directory.CreateDirectory(folder);
        var (exit, _, stderr) = VerbRunner.Run("hpa-cases", "--cases", cases, "--out", folder);
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"{folder}: error: cannot write output: is a directory", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(Directory.GetFileSystemEntries(folder));

        (exit, _, stderr) = VerbRunner.Run("hpa-cases", "--cases", cases, "--out", "/proc/nope.json");
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.StartsWith("/proc/nope.json: error: cannot write output: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BacktestIntoADirectoryExitsTwoWithOneLineAndWritesNothing()
    {
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var trace = Path.Combine(_dir, "trace.csv");
        File.WriteAllText(trace, "timestamp,value\n" + string.Concat(Enumerable.Range(0, 4 * 288).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{start.AddMinutes(5 * i):yyyy-MM-ddTHH:mm:ssZ},{100 + (50 * Math.Sin(i * 2 * Math.PI / 288)):0.##}\n"))));
        var folder = Path.Combine(_dir, "out");
        Directory.CreateDirectory(folder);
        var (exit, _, stderr) = VerbRunner.Run("backtest", "--trace", trace, "--horizon", "30m", "--step", "1h", "--history", "2d", "--models", "persistence", "--out", folder);
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Equal($"{folder}: error: cannot write output: is a directory (give a file name)", stderr.TrimEnd());
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        Assert.Equal([folder, trace], Directory.GetFileSystemEntries(_dir).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ARerunRemovesTheOutputFilesOfThePreviousRunButKeepsTheUsersFiles()
    {
        var outDir = Path.Combine(_dir, "out");
        Directory.CreateDirectory(outDir);
        foreach (var name in new[] { "decisions.jsonl", "compare.json", "compare.csv", "notes.txt" }) File.WriteAllText(Path.Combine(outDir, name), "previous run");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", outDir);
        Assert.True(exit == 0, stderr);
        Assert.Equal(["notes.txt", "report.html", "summary.json", "timeline.csv"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("previous run", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
        Assert.Equal([outDir], Directory.GetFileSystemEntries(_dir));
    }
}
