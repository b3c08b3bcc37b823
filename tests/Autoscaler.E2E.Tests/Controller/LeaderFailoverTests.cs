using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using k8s;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>
/// Issue #11 test 3: two controller processes on one Lease; only the leader acts; killing it in the middle of an event
/// window hands over within the lease duration, and the floor and the original minReplicas survive (nothing applied twice).
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Controller")]
public sealed class LeaderFailoverTests(ControlPlaneFixture cp, ITestOutputHelper output)
{
    private readonly ControllerCluster _cluster = new(cp);

    [Fact]
    public async Task Killing_the_leader_mid_window_hands_over_within_the_lease_and_keeps_floor_and_original()
    {
        await _cluster.InstallAsync();
        var ns = await _cluster.NamespaceAsync("ctl-ha");
        await _cluster.WorkloadAsync(ns, "web", minReplicas: 2);
        var start = DateTimeOffset.UtcNow.AddSeconds(25);
        var end = start.AddSeconds(75);
        await _cluster.CreateEventAsync(FloorEvent.OnWeb(ns, "match", "match", start, end, floor: 6, leadTime: "10s"));
        await _cluster.Kubectl("-n", ns, "patch", "scalingevent", "match", "--type=merge", "--subresource=status",
            "-p", """{"status":{"approvedBy":"admin","approvedAt":"2026-11-30T00:00:00Z","approvedGeneration":1}}""");

        using var a = ControllerProcess.Start(_cluster.Kubeconfig, ns, "replica-a");
        using var b = ControllerProcess.Start(_cluster.Kubeconfig, ns, "replica-b");
        var replicas = new[] { a, b };
        try
        {
            var leaderName = await LeaseHolderAsync(ns, null, TimeSpan.FromSeconds(60));
            var leader = replicas.Single(r => r.Identity == leaderName);
            var follower = replicas.Single(r => r.Identity != leaderName);
            await Eventually.TrueAsync("the leader's /metrics showing leadership, the follower's not", async seen =>
            {
                var l = await leader.MetricsAsync();
                var f = await follower.MetricsAsync();
                seen($"leader {Line(l)}, follower {Line(f)}");
                return l.Contains("autoscaler_controller_leader 1", StringComparison.Ordinal) && f.Contains("autoscaler_controller_leader 0", StringComparison.Ordinal);
            }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);

            // Kill the leader only once its pass has finished: the floor applied AND its FloorRaised Event posted.
            // Events are best-effort (a process killed between the apply and the Event loses the Event; the durable
            // record is the HPA annotation and the status), and this test is about the hand-over, not Event delivery.
            await Eventually.TrueAsync("the floor of 6 in the window and its FloorRaised Event", async seen =>
            {
                var hpa = await _cluster.HpaAsync(ns, "web");
                var text = await _cluster.EventsOfAsync(ns, "HorizontalPodAutoscaler", "web");
                seen($"minReplicas {hpa.Spec.MinReplicas}, events {text.Replace('\n', '|')}");
                return hpa.Spec.MinReplicas == 6 && text.Contains("FloorRaised", StringComparison.Ordinal);
            }, TimeSpan.FromSeconds(60), Eventually.ApiOrHttpError);
            Assert.True(DateTimeOffset.UtcNow < end.AddSeconds(-30), "the window must still have 30 s left for the hand-over");

            var killedAt = DateTimeOffset.UtcNow;
            leader.Kill();
            output.WriteLine($"killed {leader.Identity} at {killedAt:O}");
            await LeaseHolderAsync(ns, follower.Identity, TimeSpan.FromSeconds(30));
            var handover = DateTimeOffset.UtcNow - killedAt;
            output.WriteLine($"{follower.Identity} took over after {handover.TotalSeconds:0.0} s");
            Assert.True(handover < TimeSpan.FromSeconds(15 + 2 + 3), $"hand-over took {handover.TotalSeconds:0.0} s, more than the lease duration plus a retry");
            await Eventually.TrueAsync("the new leader's /metrics showing leadership", async seen =>
            {
                var f = await follower.MetricsAsync();
                seen(Line(f));
                return f.Contains("autoscaler_controller_leader 1", StringComparison.Ordinal);
            }, TimeSpan.FromSeconds(10), Eventually.ApiOrHttpError);

            var during = await _cluster.HpaAsync(ns, "web");
            Assert.Equal(6, during.Spec.MinReplicas);
            Assert.Equal("2", during.Metadata.Annotations[AutoscalerApi.OriginalMinReplicasAnnotation]);

            await Eventually.TrueAsync("minReplicas restored to the original 2 by the new leader after the end", async seen =>
            {
                var hpa = await _cluster.HpaAsync(ns, "web");
                seen($"minReplicas {hpa.Spec.MinReplicas}");
                return hpa.Spec.MinReplicas == 2 && hpa.Metadata.Annotations?.ContainsKey(AutoscalerApi.OriginalMinReplicasAnnotation) != true;
            }, end - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);

            // The Event follows the apply within the same pass: wait for it rather than race it.
            var events = await Eventually.Async("the FloorReleased Event on the HPA", async seen =>
            {
                var text = await _cluster.EventsOfAsync(ns, "HorizontalPodAutoscaler", "web");
                seen(text.Replace('\n', '|'));
                return text.Contains("FloorReleased", StringComparison.Ordinal) ? text : null;
            }, TimeSpan.FromSeconds(15), Eventually.ApiOrHttpError);
            output.WriteLine(events);
            Assert.Single(events.Split('\n'), l => l.Contains("FloorRaised", StringComparison.Ordinal));
            Assert.Single(events.Split('\n'), l => l.Contains("FloorReleased", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var r in replicas)
            {
                r.Kill();
                output.WriteLine($"--- {r.Identity} log tail ---");
                output.WriteLine(string.Join('\n', File.Exists(r.Log) ? File.ReadLines(r.Log).TakeLast(5) : []));
            }
        }
    }

    private async Task<string> LeaseHolderAsync(string ns, string? expected, TimeSpan timeout) =>
        await Eventually.Async(expected is null ? "a Lease holder" : $"{expected} holding the Lease", async seen =>
        {
            var lease = await _cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("controller", ns);
            var holder = lease.Spec?.HolderIdentity ?? "";
            seen($"holder '{holder}'");
            return (expected is null ? holder.Length > 0 : holder == expected) ? holder : null;
        }, timeout, Eventually.ApiOrHttpError);

    private static string Line(string metrics) =>
        metrics.Split('\n').FirstOrDefault(l => l.StartsWith("autoscaler_controller_leader ", StringComparison.Ordinal)) ?? "(no leader gauge)";
}
