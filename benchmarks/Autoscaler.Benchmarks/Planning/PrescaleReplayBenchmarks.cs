using Autoscaler.Benchmarks.Simulator;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Prescale;
using Autoscaler.Simulator.Scenarios;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Autoscaler.Benchmarks.Planning;

/// <summary>
/// 62 days of WC98 demand at 15 s syncs (357,120 syncs) through wc98-prescaled-85, measured in one run:
/// the reactive replay (the scenario without its prescale section, the baseline), the planner at every sync
/// with the events-only calendar (no forecast fit: the planner's own cost), and the full planner with an
/// auto forecast refitted every hour (the yardstick; aim ≤ 10× the reactive replay).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class PrescaleReplayBenchmarks
{
    private const int SyncsPerRun = BenchmarkTrace.Days * 24 * 60 * 4;
    private DemandTrace _trace = null!;
    private Scenario _prescaled = null!;
    private DateTime _from;
    private DateTime _to;

    [GlobalSetup]
    public void Setup()
    {
        var series = BenchmarkTrace.Load();
        var scenario = ScenarioLoader.LoadFile(Path.Combine(BenchmarkTrace.RepoRoot(), "simulator", "scenarios", "wc98-prescaled-85.yaml"));
        _prescaled = scenario with { Prescale = scenario.Prescale! with { RefitEvery = TimeSpan.FromHours(1) } };
        _trace = new DemandTrace(series.Scale(scenario.Workload.ValueScale));
        _from = series.Start;
        _to = series.End.AddMinutes(1);
    }

    /// <summary>The HPA alone.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SyncsPerRun)]
    public int Reactive() => Run(_prescaled with { Prescale = null });

    /// <summary>The planner every sync, calendar only (no forecaster, so no fit).</summary>
    [Benchmark(OperationsPerInvoke = SyncsPerRun)]
    public int PlannerEventsOnly() => Run(_prescaled with { Prescale = _prescaled.Prescale! with { Forecaster = "none" } });

    /// <summary>The planner every sync and an auto forecast (with the calendar) refitted every hour.</summary>
    [Benchmark(OperationsPerInvoke = SyncsPerRun)]
    public int PlannerWithHourlyForecast() => Run(_prescaled);

    private int Run(Scenario scenario)
    {
        var driver = scenario.Prescale is null ? null : new PrescaleDriver(scenario, _trace);
        return new ReplayEngine(scenario, _trace, new HpaDecider(scenario), null, driver).Run(_from, _to).Syncs;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new SyncsPerSecondColumn());
            WithBuildTimeout(TimeSpan.FromMinutes(15));
        }
    }
}
