using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using BenchmarkDotNet.Attributes;

namespace Autoscaler.Benchmarks.Planning;

/// <summary>
/// One planner step alone (forecast fit excluded): the WC98 match calendar (48 events), a 90-minute forecast at
/// one-minute grid with a learned event uplift, an auto lead time of 5m9s (6 target minutes examined), all bounds on.
/// Steps are taken at 240 successive 15 s syncs across a match window (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private const int Steps = 240;
    private PlanInput _input = null!;
    private DateTimeOffset _start;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(Simulator.BenchmarkTrace.RepoRoot(), "simulator", "events", "wc98_matches.csv");
        using var reader = File.OpenText(path);
        var events = EventCalendarParser.Parse(reader, path).Events!
            .Select(e => new PlannedEvent(e.Start, e.End, e.Kind, null) { Description = e.Description })
            .ToList();
        var match = events[20];
        _start = match.Start - TimeSpan.FromMinutes(30);
        var p50 = Enumerable.Range(0, 90).Select(i => 40_000 + (300.0 * i)).ToArray();
        var forecast = new ForecastResult("auto", _start, TimeSpan.FromMinutes(1), p50.Select(v => v * 0.9).ToArray(), p50, p50.Select(v => v * 1.15).ToArray(), "bench")
        {
            EventUplift = new ForecastEventUplift(match.Kind, match.Start, 12, 1.1, 1.6),
        };
        _input = new PlanInput
        {
            HpaMinReplicas = 2,
            HpaMaxReplicas = 300,
            CurrentReplicas = 40,
            Capacity = CapacityModel.ForAverageValue(850),
            LeadTime = LeadTime.Auto(TimeSpan.FromSeconds(234), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60), "bench"),
            Calendar = new EventCalendar(events),
            Forecast = new PlanForecast(forecast),
            Bounds = new SafetyBounds(MaxFloor: 300, MaxStepUp: 50),
            ForecastFloors = true,
        };
    }

    /// <summary>One <see cref="PreScalePlanner.Plan"/> per sync, decision record included.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public int PlanStep()
    {
        var state = PlannerState.Initial;
        var sum = 0;
        for (var i = 0; i < Steps; i++)
        {
            var result = PreScalePlanner.Plan(_input, state, _start + TimeSpan.FromSeconds(15 * i));
            state = result.State;
            sum += result.Floor ?? 0;
        }

        return sum;
    }
}
