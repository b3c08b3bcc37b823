using System.Globalization;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Backtest;
using Autoscaler.Simulator.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Simulator.Tests.Backtest;

/// <summary>
/// A new user's <c>backtest --horizon 30d</c> (meant 30m) ran for more than 11 minutes without a word: nonsense for the
/// trace is refused up front (exit 2, a reason naming the option, nothing written), and long runs report progress.
/// </summary>
public sealed class BacktestSanityTests : IDisposable
{
    private static readonly DateTime Start = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("backtest-sanity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("30d", null, "option '--horizon': 30d is longer than --history 14d", "did you mean 30m?")]
    [InlineData("3h", "2h", "option '--horizon': 3h is longer than --history 2h", "a model cannot forecast further ahead than it has seen")]
    public void AHorizonLongerThanTheTrainingWindowIsRefusedBeforeTheTraceIsRead(string horizon, string? history, string reason, string hint)
    {
        var output = Path.Combine(_dir, "o.csv");
        string[] args = ["--trace", Path.Combine(_dir, "not-even-read.csv"), "--horizon", horizon, "--step", "1h", "--out", output];
        var (code, stdout, stderr) = Run(history is null ? args : [.. args, "--history", history]);

        Assert.Equal(VerbDispatcher.BadInput, code);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Contains(hint, stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(new[] { "--horizon", "3d", "--history", "5d" }, "field '--horizon': 3d is not shorter than the trace (the trace runs 2024-03-01T00:00:00Z .. 2024-03-03T23:55:00Z, 2d23h55m)")]
    [InlineData(new[] { "--horizon", "2m" }, "field '--horizon': 2m is shorter than the trace's 5m buckets")]
    [InlineData(new[] { "--step", "1m" }, "field '--step': 1m between origins is finer than the trace's 5m buckets")]
    [InlineData(new[] { "--origin-step", "1m" }, "field '--origin-step': 1m between origins is finer than the trace's 5m buckets")]
    [InlineData(new[] { "--from", "2014-03-02T00:00:00Z" }, "field '--from': 2014-03-02T00:00:00Z is before the trace starts")]
    [InlineData(new[] { "--to", "2042-03-02T00:00:00Z" }, "field '--to': 2042-03-02T00:00:00Z is after the trace ends")]
    [InlineData(new[] { "--from", "2099-03-02T00:00:00Z", "--to", "2099-03-03T00:00:00Z" }, "field '--from': 2099-03-02T00:00:00Z is after the trace ends (the trace runs 2024-03-01T00:00:00Z .. 2024-03-03T23:55:00Z, 2d23h55m): origins there have nothing to score (is a year mistyped?)")]
    public void ParametersThatCannotMakeSenseForTheTraceAreRefusedWithTheTracesSpan(string[] overrides, string reason)
    {
        var trace = WriteTrace(days: 3, stepMinutes: 5);
        var output = Path.Combine(_dir, "o.csv");
        var args = new Dictionary<string, string> { ["--trace"] = trace, ["--horizon"] = "30m", ["--history"] = "1d", ["--out"] = output };
        if (!overrides.Contains("--origin-step")) args["--step"] = "1h";
        for (var i = 0; i < overrides.Length; i += 2) args[overrides[i]] = overrides[i + 1];

        var (code, stdout, stderr) = Run([.. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);

        Assert.Equal(VerbDispatcher.BadInput, code);
        Assert.Contains($"{trace}: error: {reason}", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void TooManyModelFitsAreRefusedWithTheCountAndWhatToChange()
    {
        // 60 days of minutes, an origin every minute after the default 14-day history: 66,000 origins × 3 models.
        var runner = Runner(days: 60, stepMinutes: 1, horizon: TimeSpan.FromMinutes(30), step: TimeSpan.FromMinutes(1), out var grid, out var options);

        var errors = BacktestSanity.Check(grid, options, runner, models: 3);

        var error = Assert.Single(errors);
        Assert.Equal("--origin-step", error.Field);
        Assert.Contains($"{runner.OriginCount():N0} origins × 3 model(s)", error.Message, StringComparison.Ordinal);
        Assert.True(runner.OriginCount() * 3 > BacktestSanity.MaxFits);
        Assert.Empty(BacktestSanity.Check(grid, options with { Step = TimeSpan.FromHours(1) }, new BacktestRunner(grid, [], options with { Step = TimeSpan.FromHours(1) }, new FakeTimeProvider()), models: 3));
    }

    [Fact]
    public void TooManyForecastRowsAreRefused()
    {
        // Hourly origins forecasting 14 days of minutes each: about 800 origins × 3 models × 20,160 rows.
        var runner = Runner(days: 60, stepMinutes: 1, horizon: TimeSpan.FromDays(14), step: TimeSpan.FromHours(1), out var grid, out var options);

        var error = Assert.Single(BacktestSanity.Check(grid, options, runner, models: 3));

        Assert.Equal("--horizon", error.Field);
        Assert.Contains("20,160 grid points per horizon", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {BacktestSanity.MaxForecastRows:N0}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRunnerReportsEveryOriginDoneInOrder()
    {
        var runner = Runner(days: 3, stepMinutes: 5, horizon: TimeSpan.FromMinutes(30), step: TimeSpan.FromHours(6), out _, out _);
        var origins = runner.Origins();
        Autoscaler.Core.Forecasting.ForecasterCatalog.TryCreate("persistence", out var persistence, out _);
        BacktestModel[] models = [new("persistence", persistence!, true)];
        var heard = new List<int>();

        runner.Run(origins, models, new StringWriter(), [new ModelScore("p")], [new ModelScore("p")], null, heard.Add);

        Assert.Equal(Enumerable.Range(0, origins.Count + 1), heard);
    }

    [Fact]
    public void NoProgressReachesStdoutOrARedirectedStderr()
    {
        var trace = WriteTrace(days: 3, stepMinutes: 5);

        var (code, stdout, stderr) = Run("--trace", trace, "--horizon", "30m", "--step", "1h", "--history", "1d", "--models", "persistence", "--out", Path.Combine(_dir, "o.csv"));

        Assert.Equal(0, code);
        Assert.DoesNotContain('\r', stdout);
        Assert.DoesNotContain("origins (", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    private static BacktestRunner Runner(int days, int stepMinutes, TimeSpan horizon, TimeSpan step, out RegularGrid grid, out BacktestOptions options)
    {
        var count = days * 1440 / stepMinutes;
        var series = Series.Create(Enumerable.Range(0, count).Select(i => new TimedValue(Start.AddMinutes(i * stepMinutes), 100 + (i % 60))).ToList());
        grid = RegularGrid.FromSeries(series);
        options = new BacktestOptions("t.csv", null, horizon, step, TimeSpan.FromDays(days < 14 ? 1 : 14), [], null, null, "o.csv", false);
        return new BacktestRunner(grid, [], options, new FakeTimeProvider());
    }

    private string WriteTrace(int days, int stepMinutes)
    {
        var path = Path.Combine(_dir, "trace.csv");
        var rows = Enumerable.Range(0, days * 1440 / stepMinutes)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{Start.AddMinutes(i * stepMinutes):yyyy-MM-ddTHH:mm:ssZ},{500 + (i % 288)}\n"));
        File.WriteAllText(path, "timestamp,value\n" + string.Concat(rows));
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => Replay.VerbRunner.Run(["backtest", .. args]);
}
