using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Keda;
using Autoscaler.Simulator.Tests.Engine;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Simulator.Tests.Keda;

/// <summary>KEDA's activation rules as invariants over random metric sequences (FsCheck), HPA syncs every 15 s, polls every 30 s.</summary>
public sealed class KedaDeciderPropertyTests
{
    [Fact]
    public void ZeroOnlyAfterAQuietCooldownOutOfZeroOnlyOnAnActivePollOtherwiseTheHpa()
    {
        var gen =
            from metrics in Gen.Choose(0, 40).ArrayOf().Where(a => a.Length is > 0 and < 200)
            from hpa in Gen.Choose(1, 9).ArrayOf().Where(a => a.Length > 0)
            from activation in Gen.Choose(0, 30)
            from cooldown in Gen.Elements(0, 30, 60, 300)
            from min in Gen.Choose(0, 3)
            select (metrics, hpa, activation, cooldown, min);

        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var keda = new KedaModel { TriggerType = "prometheus", MetricName = "s0-prometheus", MinReplicaCount = c.min, IdleReplicaCount = c.min > 0 ? 0 : null, ActivationThreshold = c.activation, CooldownPeriodSeconds = c.cooldown };
            var inner = new ScriptedDecider(second => c.hpa[(int)(second / 15) % c.hpa.Length]);
            var decider = new KedaDecider(keda, inner, TestScenarios.T0);
            var spec = 1;
            for (var i = 0; i < c.metrics.Length; i++)
            {
                var isPoll = i % 2 == 0;
                var active = c.metrics[i] > c.activation;
                var next = decider.Decide(new SyncContext
                {
                    Now = TestScenarios.T0.AddSeconds(15 * i),
                    SpecReplicas = spec,
                    StatusReplicas = spec,
                    MetricValue = c.metrics[i],
                    ReadyPods = [],
                    StartingPods = [],
                });
                if (spec > 0 && next == 0)
                {
                    // Scaled to zero: at a poll, inactive, and no active poll within the cooldown before it.
                    var quiet = Enumerable.Range(0, i + 1).Where(j => j % 2 == 0 && 15 * (i - j) < c.cooldown).All(j => c.metrics[j] <= c.activation);
                    if (!isPoll || active || !quiet) return false;
                }
                else if (spec == 0 && next != 0)
                {
                    if (!isPoll || !active || next != Math.Max(c.min, 1)) return false;
                }
                else if (spec > 0 && next != c.hpa[i % c.hpa.Length])
                {
                    return false; // otherwise the HPA decides
                }

                spec = next;
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }
}
