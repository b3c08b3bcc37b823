using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.TimeSeries;
using BenchmarkDotNet.Attributes;

namespace Autoscaler.Benchmarks.Forecasting;

/// <summary>
/// Fit and forecast from one origin with 28 days of 1-minute history (the World Cup 1998 trace up to
/// 20 June 12:00 UTC), 31 leads (a 30-minute horizon). Seasonal-naive is the in-run baseline.
/// Run: dotnet run -c Release --project benchmarks/Autoscaler.Benchmarks -- --filter '*ForecastBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ForecastBenchmarks
{
    private static readonly DateTimeOffset Origin = new(1998, 6, 20, 12, 0, 0, TimeSpan.Zero);
    private ForecastRequest _request = null!;
    private ForecastRequest _withEvents = null!;
    private readonly Dictionary<string, IForecaster> _forecasters = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        using var reader = new StreamReader(Path.Combine(root, "simulator/traces/wc98_http_requests_1min_until_0627.csv"));
        var series = TraceCsvParser.Parse(reader, "wc98").Assembled!.Series;
        var step = TimeSpan.FromMinutes(1);
        var start = Origin - TimeSpan.FromDays(28);
        var values = new double[(int)(TimeSpan.FromDays(28) / step)];
        Array.Fill(values, double.NaN);
        var times = series.Times;
        for (var i = 0; i < times.Length; i++)
        {
            var index = (int)Math.Round((new DateTimeOffset(times[i], TimeSpan.Zero) - start) / step);
            if (index >= 0 && index < values.Length)
            {
                values[index] = series.Values[i];
            }
        }

        var history = new ForecastHistory(start, step, values);
        using var calendar = new StreamReader(Path.Combine(root, "simulator/events/wc98_matches.csv"));
        var events = EventCalendarParser.Parse(calendar, "wc98_matches").Events!;
        _request = new ForecastRequest(history, 31);
        _withEvents = new ForecastRequest(history, 31, events);
        foreach (var name in new[] { "seasonal-naive:1d", "persistence", "seasonal-profile", "holt-winters", "ssa", "auto" })
        {
            ForecasterCatalog.TryCreate(name, out var forecaster, out _);
            _forecasters[name] = forecaster!;
        }
    }

    [Benchmark(Baseline = true)]
    public ForecastResult SeasonalNaive() => _forecasters["seasonal-naive:1d"].Forecast(_request);

    [Benchmark]
    public ForecastResult Persistence() => _forecasters["persistence"].Forecast(_request);

    [Benchmark]
    public ForecastResult SeasonalProfile() => _forecasters["seasonal-profile"].Forecast(_request);

    [Benchmark]
    public ForecastResult HoltWinters() => _forecasters["holt-winters"].Forecast(_request);

    [Benchmark]
    public ForecastResult Ssa() => _forecasters["ssa"].Forecast(_request);

    [Benchmark]
    public ForecastResult Auto() => _forecasters["auto"].Forecast(_request);

    [Benchmark]
    public ForecastResult AutoWithCalendar() => _forecasters["auto"].Forecast(_withEvents);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoscaler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Autoscaler.sln not found above " + AppContext.BaseDirectory);
    }
}
