using System.Diagnostics;
using System.Text.Json;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Tests.Replay;

namespace Autoscaler.Simulator.Tests.Cli;

/// <summary>
/// --from/--to and trace timestamps with offsets: converted to UTC and echoed on stderr with the instant used; a time
/// without an offset is UTC (said so), never this machine's local time; forms that are not ISO-8601 are refused.
/// </summary>
public sealed class TimeOptionTests : IDisposable
{
    private static readonly string Trace = TestScenarios.Asset("small", "trace.csv");
    private static readonly string Scenario = TestScenarios.Asset("small", "scenario.yaml");
    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("2020-01-01T02:02:00+02:00", "2020-01-01T00:02:00Z", "--from 2020-01-01T02:02:00+02:00 is 2020-01-01T00:02:00Z in UTC")]
    [InlineData("2019-12-31T19:02:00-05:00", "2020-01-01T00:02:00Z", "--from 2019-12-31T19:02:00-05:00 is 2020-01-01T00:02:00Z in UTC")]
    [InlineData("2020-01-01T00:02:00", "2020-01-01T00:02:00Z", "--from 2020-01-01T00:02:00 has no UTC offset: read as 2020-01-01T00:02:00Z (UTC, not this machine's local time)")]
    [InlineData("2020-01-01 00:02", "2020-01-01T00:02:00Z", "--from 2020-01-01 00:02 has no UTC offset: read as 2020-01-01T00:02:00Z")]
    [InlineData("2020-01-01T00:02:00Z", "2020-01-01T00:02:00Z", null)]
    [InlineData("2020-01-01t00:02:00z", "2020-01-01T00:02:00Z", null)]
    [InlineData("2020-01-01T01:02+0100", "2020-01-01T00:02:00Z", "--from 2020-01-01T01:02+0100 is 2020-01-01T00:02:00Z in UTC")]
    public void ReplayEchoesTheUtcInstantOfAFromThatWasNotUtcAsTyped(string from, string utc, string? note)
    {
        var outDir = Path.Combine(_dir, "out");

        var (exit, stdout, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", outDir, "--from", from);

        Assert.Equal(0, exit);
        Assert.Equal(utc, From(outDir));
        if (note is null) Assert.DoesNotContain("note:", stderr, StringComparison.Ordinal);
        else Assert.Contains($"autoscaler-sim: note: {note}", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("note:", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01/01/2020 00:02")]
    [InlineData("00:02")]
    [InlineData("Jan 1 2020")]
    [InlineData("2020-01-01T00:02:00 CET")]
    public void FormsThatAreNotIso8601AreRefused(string from)
    {
        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "out"), "--from", from);

        Assert.Equal(VerbDispatcher.BadInput, exit);
        Assert.Contains($"command line: error: field '--from': '{from}' is not an ISO-8601 UTC time", stderr, StringComparison.Ordinal);
        var (code, _, backtest) = VerbRunner.Run("backtest", "--trace", Trace, "--horizon", "1m", "--step", "1m", "--history", "2m", "--from", from, "--out", Path.Combine(_dir, "o.csv"));
        Assert.Equal(VerbDispatcher.BadInput, code);
        Assert.Contains($"option '--from': '{from}' is not an ISO-8601 UTC time", backtest, StringComparison.Ordinal);
    }

    [Fact]
    public void BacktestEchoesTheUtcInstantsOfItsWindow()
    {
        var (exit, stdout, stderr) = VerbRunner.Run("backtest", "--trace", Trace, "--horizon", "1m", "--step", "1m", "--history", "2m", "--models", "persistence",
            "--from", "2020-01-01T01:02:00+01:00", "--to", "2020-01-01T00:04:00", "--out", Path.Combine(_dir, "o.csv"));

        Assert.Equal(0, exit);
        Assert.Contains("autoscaler-sim backtest: note: --from 2020-01-01T01:02:00+01:00 is 2020-01-01T00:02:00Z in UTC", stderr, StringComparison.Ordinal);
        Assert.Contains("autoscaler-sim backtest: note: --to 2020-01-01T00:04:00 has no UTC offset: read as 2020-01-01T00:04:00Z", stderr, StringComparison.Ordinal);
        Assert.Contains("3 origins 2020-01-01T00:02Z .. 2020-01-01T00:04Z", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceOffsetsAreConvertedAndTheUtcSpanIsNoted()
    {
        var trace = Path.Combine(_dir, "paris.csv");
        File.WriteAllText(trace, "timestamp,value\n2020-01-01T01:00:00+01:00,100\n2020-01-01T01:01:00+01:00,100\n2020-01-01T01:02:00+01:00,900\n2020-01-01T01:03:00+01:00,900\n");
        var outDir = Path.Combine(_dir, "out");

        var (exit, _, stderr) = VerbRunner.Run("replay", "--trace", trace, "--scenario", Scenario, "--out", outDir);

        Assert.Equal(0, exit);
        Assert.Contains($"{trace}: note: field 'timestamp': 4 timestamp(s) carry a UTC offset (+01:00) and were converted to UTC; outputs print UTC: the trace runs 2020-01-01T00:00:00Z .. 2020-01-01T00:03:00Z", stderr, StringComparison.Ordinal);
        Assert.Equal("2020-01-01T00:00:00Z", From(outDir));
        Assert.DoesNotContain("note:", VerbRunner.Run("replay", "--trace", Trace, "--scenario", Scenario, "--out", Path.Combine(_dir, "utc")).Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Run as a separate process in a zone 14 hours from UTC: a time without an offset, in --from and in the trace,
    /// must still be read as UTC (a local reading would move it by 14 hours and fail the range check or the window).
    /// </summary>
    [Fact]
    public async Task TimesWithoutAnOffsetAreUtcWhateverTheMachinesZone()
    {
        var trace = Path.Combine(_dir, "zoneless.csv");
        File.WriteAllText(trace, "timestamp,value\n2020-01-01T00:00:00,100\n2020-01-01T00:01:00,100\n2020-01-01T00:02:00,900\n2020-01-01T00:03:00,900\n");
        var outDir = Path.Combine(_dir, "out");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["TZ"] = "Pacific/Kiritimati" },
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "autoscaler-sim.dll"), "replay", "--trace", trace, "--scenario", Scenario, "--out", outDir, "--from", "2020-01-01T00:01:00" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2), TimeProvider.System);
        var stderrTask = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token); // throws when autoscaler-sim has not exited within 2 minutes
        var stderr = await stderrTask;

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stdout} {stderr}");
        Assert.Equal("2020-01-01T00:01:00Z", From(outDir));
        Assert.Contains("read as 2020-01-01T00:01:00Z (UTC, not this machine's local time)", stderr, StringComparison.Ordinal);
        Assert.Contains("timestamps without a zone designator were read as UTC", stderr, StringComparison.Ordinal);
    }

    private static string From(string outDir)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        return summary.RootElement.GetProperty("from").GetString()!;
    }
}
