using Autoscaler.Simulator.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Simulator.Tests.Engine;

/// <summary>Invariants of a replay with the real reconcile, on random traces and configurations (FsCheck).</summary>
public sealed class ReplayPropertyTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(60);

    [Fact]
    public void ReplicasStayWithinBoundsAndAccountingIsConsistent()
    {
        var gen =
            from demand in Gen.Choose(0, 5000).ArrayOf().Where(a => a.Length is > 0 and < 90)
            from min in Gen.Choose(1, 5)
            from extra in Gen.Choose(0, 30)
            from initial in Gen.Choose(1, 40)
            from startup in Gen.Choose(0, 300)
            from target in Gen.Choose(10, 400)
            from legacy in Gen.Elements(true, false)
            from profile in Gen.Elements("current", "v1.20")
            select (demand, min, max: min + extra, initial, startup, target, legacy, profile);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var scenario = TestScenarios.External(capacity: 100, startup: c.startup, min: c.min, max: c.max, initial: c.initial,
                averageValue: c.target, behavior: c.legacy ? null : new BehaviorModel(null, null), profile: c.profile);
            var trace = TestScenarios.Minutes(c.demand.Select(d => (double)d).ToArray());
            var o = TestScenarios.Run(scenario, trace);
            var t = o.Timeline;
            var minutes = c.demand.Length;
            for (var i = 0; i < t.Count; i++)
            {
                if (t.Replicas[i] < c.min || t.Replicas[i] > c.max) return false; // the first sync already clamps
                if (t.Ready[i] > t.Replicas[i]) return false;
            }

            return o.OverloadMinutes <= minutes + 1e-9
                && o.UnservedLoad <= o.TotalDemand + 1e-6
                && o.ReadyPodHours <= o.PodHours + 1e-9
                && o.PeakReplicas <= Math.Max(c.max, c.initial)
                && Math.Abs(o.TotalDemand - c.demand.Sum()) < 1e-6 * Math.Max(1, c.demand.Sum());
        }).Check(Quick);
    }

    [Fact]
    public void MoreCapacityPerPodNeverMeansMoreUnservedLoadWithFixedReplicas()
    {
        Prop.ForAll(Gen.Choose(0, 1000).ArrayOf().Where(a => a.Length > 0).ToArbitrary(), Gen.Choose(1, 500).ToArbitrary(), (demand, capacity) =>
        {
            var trace = TestScenarios.Minutes(demand.Select(d => (double)d).ToArray());
            var low = TestScenarios.Run(TestScenarios.External(capacity: capacity, initial: 2), trace, new ScriptedDecider(_ => 2));
            var high = TestScenarios.Run(TestScenarios.External(capacity: capacity + 1, initial: 2), trace, new ScriptedDecider(_ => 2));
            return high.UnservedLoad <= low.UnservedLoad && high.OverloadMinutes <= low.OverloadMinutes;
        }).Check(Quick);
    }
}
