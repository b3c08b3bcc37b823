using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Scenarios;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Autoscaler.Benchmarks.Simulator;

/// <summary>
/// Replays 62 days of 1-minute demand at a 15 s sync period (357,120 syncs) per bundled scenario, through the
/// real engine and the core's real reconcile. The baseline, measured in the same run, walks the same sync
/// instants and only reads demand: the ratio is what the HPA model and the engine cost on top of that.
/// Times are per sync (OperationsPerInvoke); the Syncs/s column inverts them.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ReplayBenchmarks
{
    private const int SyncsPerRun = BenchmarkTrace.Days * 24 * 60 * 4;
    private DemandTrace _trace = null!;
    private Scenario _scenario = null!;
    private DateTime _from;
    private DateTime _to;

    /// <summary>The bundled scenario file name under simulator/scenarios.</summary>
    [Params("wc98-external", "wc98-tuned", "wc98-v1.20", "wc98-utilization")]
    public string Scenario { get; set; } = "wc98-external";

    [GlobalSetup]
    public void Setup()
    {
        var series = BenchmarkTrace.Load();
        _scenario = ScenarioLoader.LoadFile(Path.Combine(BenchmarkTrace.RepoRoot(), "simulator", "scenarios", Scenario + ".yaml"));
        _trace = new DemandTrace(series.Scale(_scenario.Workload.ValueScale));
        _from = series.Start;
        _to = series.End.AddMinutes(1);
    }

    /// <summary>The same 357,120 sync instants, reading the demand each one would see, and nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SyncsPerRun)]
    public double ReadDemandOnly()
    {
        var cursor = _trace.CreateCursor();
        var period = TimeSpan.FromSeconds(_scenario.Hpa.SyncPeriodSeconds).Ticks;
        var sum = 0.0;
        for (var t = _from.Ticks; t < _to.Ticks; t += period) sum += cursor.ValueAt(t);
        return sum;
    }

    /// <summary>The full replay: event queue, pods, metric model, the core's reconcile, accounting, timeline.</summary>
    [Benchmark(OperationsPerInvoke = SyncsPerRun)]
    public int Replay()
    {
        var outcome = new ReplayEngine(_scenario, _trace, new HpaDecider(_scenario)).Run(_from, _to);
        return outcome.Syncs;
    }

    /// <summary>The engine with a decider that keeps the replica count: what everything but the HPA model costs.</summary>
    [Benchmark(OperationsPerInvoke = SyncsPerRun)]
    public int EngineWithoutHpa()
    {
        var outcome = new ReplayEngine(_scenario, _trace, new KeepReplicas()).Run(_from, _to);
        return outcome.Syncs;
    }

    private sealed class KeepReplicas : IReplicaDecider
    {
        public int Decide(in SyncContext context) => context.SpecReplicas;
    }

    private sealed class Columns : ManualConfig
    {
        // A shared 2-core machine can need more than the default 2 minutes to build the generated project.
        public Columns()
        {
            AddColumn(new SyncsPerSecondColumn());
            WithBuildTimeout(TimeSpan.FromMinutes(15));
        }
    }
}
