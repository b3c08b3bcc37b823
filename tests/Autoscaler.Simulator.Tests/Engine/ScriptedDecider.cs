using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Tests.Engine;

/// <summary>A stand-in HPA for engine tests: returns the replicas a script gives for each sync time (seconds from start).</summary>
internal sealed class ScriptedDecider(Func<double, int> replicasAtSecond) : IReplicaDecider
{
    public List<(DateTime Now, int Spec, int Status, int Ready, double Metric)> Seen { get; } = [];

    public int Decide(in SyncContext context)
    {
        Seen.Add((context.Now, context.SpecReplicas, context.StatusReplicas, context.ReadyPods.Length, context.MetricValue));
        return replicasAtSecond((context.Now - TestScenarios.T0).TotalSeconds);
    }
}
