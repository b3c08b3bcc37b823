using System.Globalization;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Backtest;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Tests.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Simulator.Tests.Backtest;

/// <summary>Issue 13, fault 1: messy real history never ends a backtest.</summary>
public sealed class BacktestRealInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("backtest-real-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Wc98WithAThreeAndAHalfDayHoleCompletes()
    {
        // The issue's recipe: delete rows 40,000 to 44,999 (1998-05-28 16:10 .. 1998-06-01 03:29) of the bundled trace.
        var lines = File.ReadAllLines(Path.Combine(ScenarioLoaderTests.RepoRoot(), "simulator", "traces", "wc98_http_requests_1min_until_0627.csv"));
        var kept = lines.Where((_, i) => i < 40_001 || i > 45_000).ToArray();
        Assert.Equal("1998-05-28T16:09:00Z", kept[40_000].Split(',')[0]);
        Assert.Equal("1998-06-01T03:30:00Z", kept[40_001].Split(',')[0]);
        var trace = Path.Combine(_dir, "hole.csv");
        File.WriteAllLines(trace, kept);
        var output = Path.Combine(_dir, "out.csv");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = VerbDispatcher.Run(
            ["backtest", "--trace", trace, "--horizon", "30m", "--step", "1h", "--history", "14d", "--models", "auto",
             "--from", "1998-06-01T00:00:00Z", "--to", "1998-06-05T00:00:00Z", "--out", output],
            stdout,
            stderr);

        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("97 origins", stdout.ToString(), StringComparison.Ordinal);
        var rows = File.ReadAllLines(output).Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(97 * 30, rows.Count);
        Assert.All(rows, r => Assert.True(double.IsFinite(double.Parse(r[3], CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void AModelThatFailsAtAnOriginSitsItOutAndIsCounted()
    {
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var points = Enumerable.Range(0, 4 * 48).Select(i => new TimedValue(start.AddMinutes(30 * i), 100 + (i % 48))).ToList();
        var grid = RegularGrid.FromSeries(Series.Create(points));
        var options = new BacktestOptions("t.csv", null, TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromDays(2), [], null, null, "o.csv", false);
        var runner = new BacktestRunner(grid, [], options, new FakeTimeProvider());
        var origins = runner.Origins();
        ForecasterCatalog.TryCreate("persistence", out var persistence, out _);
        BacktestModel[] models = [new("flaky", new FailsEveryOtherOrigin(persistence!), true), new("persistence", persistence!, true)];
        var all = models.Select(m => new ModelScore(m.Label)).ToArray();
        var inEvents = models.Select(m => new ModelScore(m.Label)).ToArray();
        var csv = new StringWriter();

        runner.Run(origins, models, csv, all, inEvents, null);

        Assert.Equal((origins.Count + 1) / 2, all[0].SatOut);
        Assert.Equal(origins.Count - all[0].SatOut, all[0].Origins);
        Assert.Equal(0, all[1].SatOut);
        Assert.Equal(origins.Count, all[1].Origins);
        var table = new StringWriter();
        ScoreTable.Write(table, "t", all, 1, withFitTime: false);
        Assert.Contains("satOut", table.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACalendarWithTheIssuesHeaderAndSeriesColumnIsReadByName()
    {
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var trace = Path.Combine(_dir, "shop.csv");
        File.WriteAllLines(trace, ["timestamp,value", .. Enumerable.Range(0, 4 * 288).Select(i => string.Create(CultureInfo.InvariantCulture, $"{start.AddMinutes(5 * i):yyyy-MM-ddTHH:mm:ssZ},{500 + (i % 288)}"))]);
        var events = Path.Combine(_dir, "events.csv");
        File.WriteAllText(events, """
            series,start_utc,end_utc,kind,description
            shop.csv,2024-03-03T12:00:00Z,2024-03-03T14:00:00Z,sale,Group A Brazil-Scotland
            other.csv,2024-03-03T15:00:00Z,2024-03-03T16:00:00Z,sale,not this trace
            """);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = VerbDispatcher.Run(
            ["backtest", "--trace", trace, "--events", events, "--horizon", "30m", "--step", "1h", "--history", "2d",
             "--models", "auto", "--from", "2024-03-03T10:00:00Z", "--to", "2024-03-03T16:00:00Z", "--out", Path.Combine(_dir, "o.csv")],
            stdout,
            stderr);

        Assert.True(code == 0, stderr.ToString());
        Assert.Contains("inside event windows", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 of 2 events belong to other series than 'shop.csv'", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FitTimeIsMeasuredOnTheInjectedClock()
    {
        // Each fit advances the fake clock by 7 ms: the fit-time column is those 7 ms exactly, whatever the machine's load.
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var points = Enumerable.Range(0, 4 * 48).Select(i => new TimedValue(start.AddMinutes(30 * i), 100 + (i % 48))).ToList();
        var options = new BacktestOptions("t.csv", null, TimeSpan.FromHours(1), TimeSpan.FromHours(1), TimeSpan.FromDays(2), [], null, null, "o.csv", false);
        var clock = new FakeTimeProvider();
        var runner = new BacktestRunner(RegularGrid.FromSeries(Series.Create(points)), [], options, clock);
        ForecasterCatalog.TryCreate("persistence", out var persistence, out _);
        BacktestModel[] models = [new("slow", new AdvancesTheClock(persistence!, clock, TimeSpan.FromMilliseconds(7)), true)];
        var all = models.Select(m => new ModelScore(m.Label)).ToArray();
        var origins = runner.Origins();

        runner.Run(origins, models, new StringWriter(), all, models.Select(m => new ModelScore(m.Label)).ToArray(), null);

        Assert.True(origins.Count > 1, $"{origins.Count} origins");
        Assert.Equal(origins.Count, all[0].Origins);
        Assert.Equal(7, all[0].FitMillisecondsPerOrigin, 9);
    }

    private sealed class AdvancesTheClock(IForecaster inner, FakeTimeProvider clock, TimeSpan cost) : IForecaster
    {
        public string Name => inner.Name;

        public ForecastResult Forecast(ForecastRequest request)
        {
            clock.Advance(cost);
            return inner.Forecast(request);
        }
    }

    private sealed class FailsEveryOtherOrigin(IForecaster inner) : IForecaster
    {
        private int _calls;

        public string Name => "flaky";

        public ForecastResult Forecast(ForecastRequest request) =>
            _calls++ % 2 == 0 ? throw new ArithmeticException("degenerate window") : inner.Forecast(request);
    }
}
