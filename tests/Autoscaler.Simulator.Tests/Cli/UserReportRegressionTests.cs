using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Cli;

/// <summary>Faults a new user met on the command line: --version, help endings, gate operators, range and trace messages.</summary>
public sealed class UserReportRegressionTests : IDisposable
{
    private static readonly string Trace = TestScenarios.Asset("small", "trace.csv");
    private static readonly string Scenario = TestScenarios.Asset("small", "scenario.yaml");
    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void VersionPrintsTheSimulatorsInformationalVersionAndExitsZero()
    {
        var (exit, stdout, stderr) = VerbRunner.Run("--version");
        Assert.Equal(0, exit);
        Assert.Empty(stderr);
        Assert.Equal($"autoscaler-sim {VersionAction.Version}", stdout.TrimEnd());
        Assert.NotEqual("unknown", VersionAction.Version);
        Assert.Contains("--version", VerbRunner.Run("--help").Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("compare")]
    [InlineData("backtest")]
    [InlineData("hpa-cases")]
    [InlineData(null)]
    public void EveryHelpEndsWithANewline(string? verb)
    {
        var (exit, stdout, _) = verb is null ? VerbRunner.Run("--help") : VerbRunner.Run(verb, "--help");
        Assert.Equal(0, exit);
        Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overloadMinutes=>30", "'=>'")]
    [InlineData("overloadMinutes==30", "'=='")]
    [InlineData("overloadMinutes!=30", "'!='")]
    [InlineData("overloadMinutes<>30", "'<>'")]
    [InlineData("overloadMinutes=30", "'='")]
    public void AWrongOperatorIsNamedAsTheOperatorWithTheKnownOnes(string gate, string named)
    {
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "out"), "--fail-if", gate);
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"{named} is not an operator; expected FIELD OP NUMBER with OP one of > < >= <=", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown summary field", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void FromPastTheEndOfTheTraceNamesTheTraceEndNotAnUngivenTo()
    {
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "out"), "--from", "2030-01-01T00:00:00Z");
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains("field '--from': 2030-01-01T00:00:00Z is not before the end of the trace (2020-01-01T00:08:00Z)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--to", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBeforeTheStartOfTheTraceNamesTheTraceStartAndBothGivenNameEachOtherToTheSecond()
    {
        var (_, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "out"), "--to", "2019-01-01T00:00:00Z");
        Assert.Contains("field '--to': 2019-01-01T00:00:00Z is not after the start of the trace (2020-01-01T00:00:00Z)", stderr, StringComparison.Ordinal);
        (_, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "out"), "--from", "2020-01-01T00:05:00Z", "--to", "2020-01-01T00:01:00.5Z");
        Assert.Contains("2020-01-01T00:05:00Z is not before --to 2020-01-01T00:01:00Z", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(".0000000", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeDemandNamesTheFirstOffendingLines()
    {
        var trace = Path.Combine(_dir, "neg.csv");
        File.WriteAllText(trace, "timestamp,value\n2020-01-01T00:00:00Z,5\n2020-01-01T00:01:00Z,-1\n2020-01-01T00:02:00Z,3\n2020-01-01T00:03:00Z,-2.5\n");
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"{trace}:3: error: field 'value': 2 row(s) have negative demand (first at lines 3, 5)", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }
}
