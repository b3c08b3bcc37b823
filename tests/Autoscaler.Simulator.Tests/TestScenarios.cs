using Autoscaler.Core.Quantities;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Tests;

/// <summary>Builders for small scenarios and traces used across the tests.</summary>
internal static class TestScenarios
{
    public static readonly DateTime T0 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Scenario External(double capacity = 100, int startup = 0, int min = 1, int max = 50, int initial = 1,
        double averageValue = 70, int jitter = 0, int seed = 1, BehaviorModel? behavior = null, string profile = "current", int sync = 15) => new()
    {
        Name = "test",
        Workload = new WorkloadModel { CapacityPerPod = capacity, StartupSeconds = startup, InitialReplicas = initial, StartupJitterSeconds = jitter, Seed = seed },
        Hpa = new HpaModel
        {
            MinReplicas = min,
            MaxReplicas = max,
            SyncPeriodSeconds = sync,
            Profile = profile,
            Metric = new MetricModel { Type = MetricKind.External, AverageValue = Quantity.FromDouble(averageValue) },
            Behavior = behavior,
        },
    };

    /// <summary>Demand per minute, one value per minute from <see cref="T0"/>.</summary>
    public static DemandTrace Minutes(params double[] perMinute) =>
        new(Series.Create(perMinute.Select((_, i) => T0.AddMinutes(i)).ToArray(), perMinute));

    public static ReplayOutcome Run(Scenario scenario, DemandTrace trace, IReplicaDecider? decider = null) =>
        new ReplayEngine(scenario, trace, decider ?? new HpaDecider(scenario))
            .Run(T0, new DateTime(trace.Ticks[^1], DateTimeKind.Utc).AddMinutes(1));

    public static string Asset(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "testassets", .. parts]);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "autoscaler-sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
