using Autoscaler.Simulator.Cli;

namespace Autoscaler.Simulator.Tests.Replay;

/// <summary>
/// The same class of fault as backtest's --horizon 30d, in replay and compare: a range reaching past the trace (a
/// mistyped year) would replay years of a held value. More than one bucket outside the trace is refused, naming it.
/// </summary>
public sealed class ReplayRangeTests : IDisposable
{
    private static readonly string Trace = TestScenarios.Asset("small", "trace.csv");
    private static readonly string Scenario = TestScenarios.Asset("small", "scenario.yaml");
    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("replay", "--to", "2099-01-01T00:00:00Z", "field '--to': 2099-01-01T00:00:00Z is after the trace ends (2020-01-01T00:08:00Z): there is no demand to replay after it (is a year mistyped?)")]
    [InlineData("compare", "--to", "2020-01-01T00:10:00Z", "field '--to': 2020-01-01T00:10:00Z is after the trace ends (2020-01-01T00:08:00Z)")]
    [InlineData("replay", "--from", "2002-01-01T00:00:00Z", "field '--from': 2002-01-01T00:00:00Z is before the trace starts (2020-01-01T00:00:00Z)")]
    public void ARangeReachingPastTheTraceIsRefused(string verb, string option, string time, string message)
    {
        var outDir = Path.Combine(_dir, "out");

        var (exit, stdout, stderr) = VerbRunner.Run(verb, "--trace", Trace, "--scenario", Scenario, "--out", outDir, option, time);

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"command line: error: {message}", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--to", "2020-01-01T00:09:00Z")]
    [InlineData("--from", "2019-12-31T23:59:00Z")]
    public void OneBucketOutsideTheTraceIsStillReplayed(string option, string time)
    {
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "out"), option, time);

        Assert.True(exit == 0, stderr);
    }

    [Fact]
    public void APrometheusRangeOfTooManyStepsIsRefusedBeforeAnyRequest()
    {
        // Port 9 on loopback: a request would fail with a connection error, not with this message.
        var (exit, _, stderr) = VerbRunner.Run("replay", "--prometheus", "http://127.0.0.1:9", "--query", "q", "--from", "1998-06-10T00:00:00Z", "--to", "2098-06-10T00:00:00Z",
            "--query-step", "1s", "--scenario", Scenario, "--out", Path.Combine(_dir, "out"));

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains("option '--from': 1998-06-10T00:00:00Z .. 2098-06-10T00:00:00Z in 1s steps is 3,155,760,000 points; at most 10,000,000", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("chunk", stderr, StringComparison.Ordinal);
    }
}
