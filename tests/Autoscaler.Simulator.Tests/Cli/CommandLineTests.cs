using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Cli;

/// <summary>The System.CommandLine front: per-verb help that teaches, parse errors in the simulator's wording, exit codes.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("replay", "--hpa-name", "Examples:")]
    [InlineData("compare", "--workload", "Examples:")]
    [InlineData("backtest", "default: 14d", "Examples:")]
    [InlineData("hpa-cases", "--profile", "Example:")]
    public void EveryVerbsHelpListsItsOptionsAndAnExample(string verb, string option, string example)
    {
        var (exit, stdout, _) = VerbRunner.Run(verb, "--help");
        Assert.Equal(0, exit);
        Assert.Contains($"autoscaler-sim {verb}", stdout, StringComparison.Ordinal);
        Assert.Contains(option, stdout, StringComparison.Ordinal);
        Assert.Contains(example, stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NoVerbPrintsTheVerbsAndExitsTwo()
    {
        var (exit, stdout, _) = VerbRunner.Run();
        Assert.Equal(VerbDispatcher.BadInput, exit);
        foreach (var verb in new[] { "replay", "compare", "hpa-cases", "backtest" }) Assert.Contains(verb, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownVerbIsNamed()
    {
        var (exit, _, stderr) = VerbRunner.Run("replya", "--trace", "t.csv");
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains("unknown verb 'replya'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownOptionIsNamedWithTheVerbsOptionsAndItsValueIsNotReportedTwice()
    {
        var (exit, _, stderr) = VerbRunner.Run("compare", "--scenaro", "a.yaml", "--out", "x");
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains("autoscaler-sim compare: unknown option '--scenaro' (options: --fail-if, --from, --hpa, ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'a.yaml'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOptionWithoutItsValueExitsTwoNamingIt()
    {
        var (exit, _, stderr) = VerbRunner.Run("hpa-cases", "--cases");
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains("'--cases'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void HpaCasesRefusesAnUnknownProfile()
    {
        var (exit, _, stderr) = VerbRunner.Run("hpa-cases", "--cases", "c.json", "--out", "o.json", "--profile", "v1.99");
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains("--profile must be 'v1.20' or 'current', not 'v1.99'", stderr, StringComparison.Ordinal);
    }
}
