using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Cli;

/// <summary>
/// --step meant the query step in replay and the origin spacing in backtest. Each verb now has a name that says which
/// (--query-step, --origin-step), help that says what it is, and --step keeps working so existing CI lines do not break.
/// </summary>
public sealed class StepOptionTests : IDisposable
{
    private static readonly string Trace = TestScenarios.Asset("small", "trace.csv");
    private static readonly string Scenario = TestScenarios.Asset("small", "scenario.yaml");
    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void BacktestOriginStepAndItsOldNameStepGiveTheSameRun()
    {
        var (a, b) = (Path.Combine(_dir, "a.csv"), Path.Combine(_dir, "b.csv"));
        string[] common = ["backtest", "--trace", Trace, "--horizon", "1m", "--history", "2m", "--models", "persistence"];

        var byNew = VerbRunner.Run([.. common, "--origin-step", "2m", "--out", a]);
        var byOld = VerbRunner.Run([.. common, "--step", "2m", "--out", b]);

        Assert.Equal(0, byNew.Exit);
        Assert.Equal(0, byOld.Exit);
        Assert.Equal(File.ReadAllLines(a), File.ReadAllLines(b));
        Assert.Contains("origin step 2m", byNew.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--step", "option '--step': the duration must be positive")]
    [InlineData("--origin-step", "option '--origin-step': the duration must be positive")]
    public void BacktestErrorsNameTheStepAsTyped(string name, string message)
    {
        var (exit, _, stderr) = VerbRunner.Run("backtest", "--trace", Trace, "--horizon", "1m", name, "0s", "--out", Path.Combine(_dir, "o.csv"));

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BacktestWithoutAnOriginStepSaysWhatItIs()
    {
        var (exit, _, stderr) = VerbRunner.Run("backtest", "--trace", Trace, "--horizon", "1m", "--out", Path.Combine(_dir, "o.csv"));

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains("missing required option '--origin-step' (the time between forecast origins, e.g. 1h; '--step' is the same option)", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--step")]
    [InlineData("--query-step")]
    public void ReplayQueryStepAndItsOldNameStepAreTheSameOption(string name)
    {
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, name, "1m", "--out", Path.Combine(_dir, "out"));

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"--query and {name} go with --prometheus", stderr, StringComparison.Ordinal);
        var (_, _, bad) = VerbRunner.Run("replay", "--prometheus", "http://127.0.0.1:9", "--query", "q", "--from", "2020-01-01T00:00:00Z", "--to", "2020-01-02T00:00:00Z", name, "0s", "--scenario", Scenario, "--out", Path.Combine(_dir, "out"));
        Assert.Contains($"option '{name}': '0s' is not a duration of at least 1s (the query_range step", bad, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backtest", "--origin-step, --step <DURATION>", "Time between forecast origins")]
    [InlineData("backtest", "--query-step <DURATION>", "the query_range step")]
    [InlineData("replay", "--query-step, --step <DURATION>", "the query_range step, i.e. the width of each trace bucket read (units s, m, h; at least 1s; default: 1m)")]
    [InlineData("compare", "--query-step, --step <DURATION>", "Not the HPA sync period")]
    public void HelpSaysWhatEachVerbsStepIs(string verb, string usage, string meaning)
    {
        var help = VerbRunner.Run(verb, "--help").Stdout;
        var flat = string.Join(' ', help.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

        Assert.Contains(usage, help, StringComparison.Ordinal);
        Assert.Contains(meaning, flat, StringComparison.Ordinal);
    }
}
