using System.Net;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>
/// Issue #11 tests 1 and 2 on the real v1.20 control plane (autoscaling/v2beta2): the controller raises the HPA's
/// minReplicas lead time before an approved event, the real HPA controller scales the Deployment to it, and the owner's
/// minReplicas is restored after the end, after which the HPA scales back down by its own (pushed) metric; approval is refused (403) to a user without the custom verb "approve".
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Controller")]
public sealed class ScalingEventFloorTests(ControlPlaneFixture cp, ITestOutputHelper output)
{
    private readonly ControllerCluster _cluster = new(cp);

    private static V1Alpha1ScalingEvent Event(string ns, string name, DateTimeOffset start, DateTimeOffset end, int floor, string lead) =>
        FloorEvent.OnWeb(ns, name, "flash-sale", start, end, floor, lead);

    [Fact]
    public async Task Replicas_reach_the_floor_before_start_and_the_original_min_replicas_is_restored_after_end()
    {
        await _cluster.InstallAsync();
        var ns = await _cluster.NamespaceAsync("ctl-floor");
        await _cluster.WorkloadAsync(ns, "web", minReplicas: 1);
        // A served metric (queue_length 0 through the adapter) lets the HPA scale back down by itself after the window.
        await using var adapter = await AdapterDeployment.StartAsync(cp);
        using (var push = adapter.PushClient())
        {
            Assert.Equal(1u, await push.PushAsync(ns, "queue_length", new Dictionary<string, string>(), 0));
        }

        await Eventually.TrueAsync("the HPA reading queue_length (ScalingActive=True) at 1 replica", async seen =>
        {
            var hpa = await _cluster.HpaAsync(ns, "web");
            var active = hpa.Status?.Conditions?.FirstOrDefault(c => c.Type == "ScalingActive");
            seen($"ScalingActive {active?.Status} {active?.Reason}, replicas {hpa.Status?.CurrentReplicas}");
            return active?.Status == "True" && hpa.Status!.CurrentReplicas == 1;
        }, TimeSpan.FromSeconds(60), Eventually.ApiOrHttpError);
        var approver = await _cluster.TokenAsync(ns, "approver", "scalingevent-approver");
        var (app, port) = await _cluster.StartControllerAsync(ns, TimeSpan.FromSeconds(5));
        await using var _ = app;

        var start = DateTimeOffset.UtcNow.AddSeconds(90);
        var end = start.AddSeconds(45);
        await _cluster.CreateEventAsync(Event(ns, "sale", start, end, floor: 5, lead: "30s"));
        var (status, body) = await ControllerCluster.ApproveAsync(port, ns, "sale", approver);
        Assert.True(status == HttpStatusCode.OK, body);

        var scheduled = await Eventually.Async("the event Scheduled with its lead time", async seen =>
        {
            var e = await _cluster.EventAsync(ns, "sale");
            seen($"phase {e.Status?.Phase}, approvedBy {e.Status?.ApprovedBy}");
            return e.Status?.Phase == ScalingEventPhases.Scheduled ? e : null;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        Assert.Equal("30s", scheduled.Status!.LeadTimeUsed);
        Assert.StartsWith("system:serviceaccount:" + ns + ":approver", scheduled.Status.ApprovedBy, StringComparison.Ordinal);
        Assert.Equal(1, (await _cluster.HpaAsync(ns, "web")).Spec.MinReplicas);

        await Eventually.TrueAsync("the Deployment scaled to the floor of 5 by the HPA", async seen =>
        {
            var hpa = await _cluster.HpaAsync(ns, "web");
            var replicas = await _cluster.DeploymentReplicasAsync(ns, "web");
            seen($"HPA minReplicas {hpa.Spec.MinReplicas}, Deployment replicas {replicas}");
            return hpa.Spec.MinReplicas == 5 && replicas == 5;
        }, TimeSpan.FromSeconds(120), Eventually.ApiOrHttpError);
        var reached = DateTimeOffset.UtcNow;
        output.WriteLine($"replicas reached 5 at start - {(start - reached).TotalSeconds:0.0} s");
        Assert.True(reached < start, $"replicas reached 5 at {reached:O}, after the start {start:O}");

        var raised = await _cluster.HpaAsync(ns, "web");
        Assert.Equal("1", raised.Metadata.Annotations[AutoscalerApi.OriginalMinReplicasAnnotation]);
        Assert.Contains(raised.Metadata.ManagedFields, f => f.Manager == AutoscalerApi.FieldManager && f.Operation == "Apply");
        var active = await Eventually.Async("the event Active with the floor applied", async seen =>
        {
            var e = await _cluster.EventAsync(ns, "sale");
            seen($"phase {e.Status?.Phase}");
            return e.Status?.Phase == ScalingEventPhases.Active && e.Status.Targets?[0].AppliedFloor == 5 ? e : null;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        Assert.Equal(1, active.Status!.Targets![0].OriginalMinReplicas);

        await Eventually.TrueAsync("minReplicas restored to 1 after the end and the event Completed", async seen =>
        {
            var hpa = await _cluster.HpaAsync(ns, "web");
            var e = await _cluster.EventAsync(ns, "sale");
            var annotations = hpa.Metadata.Annotations?.Keys.Where(k => k.StartsWith(AutoscalerApi.Group, StringComparison.Ordinal)).ToList() ?? [];
            seen($"HPA minReplicas {hpa.Spec.MinReplicas}, annotations [{string.Join(",", annotations)}], phase {e.Status?.Phase}");
            return hpa.Spec.MinReplicas == 1 && annotations.Count == 0 && e.Status?.Phase == ScalingEventPhases.Completed;
        }, end - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        Assert.True(DateTimeOffset.UtcNow >= end);
        await Eventually.TrueAsync("the HPA scaling the Deployment back to 1 by its own metric after the end", async seen =>
        {
            var replicas = await _cluster.DeploymentReplicasAsync(ns, "web");
            seen($"Deployment replicas {replicas}");
            return replicas == 1;
        }, TimeSpan.FromSeconds(60), Eventually.ApiOrHttpError);

        // The Event follows the apply within the same pass: wait for it rather than race it.
        var hpaEvents = await Eventually.Async("the FloorRaised, FloorReleased and scale-up SuccessfulRescale Events on the HPA", async seen =>
        {
            var text = await _cluster.EventsOfAsync(ns, "HorizontalPodAutoscaler", "web");
            seen(text.Replace('\n', '|'));
            return new[] { "FloorRaised", "FloorReleased", "SuccessfulRescale: New size: 5;" }.All(e => text.Contains(e, StringComparison.Ordinal)) ? text : null;
        }, TimeSpan.FromSeconds(15), Eventually.ApiOrHttpError);
        output.WriteLine(hpaEvents);
        Assert.Contains("FloorRaised: minReplicas 1 -> 5", hpaEvents, StringComparison.Ordinal);
        Assert.Contains("FloorReleased: minReplicas restored to the owner's 1", hpaEvents, StringComparison.Ordinal);
        Assert.Contains("SuccessfulRescale: New size: 5; reason: Current number of replicas below Spec.MinReplicas", hpaEvents, StringComparison.Ordinal);
        var scaledDown = await Eventually.Async("the HPA's asynchronous scale-down Event (New size: 1)", async seen =>
        {
            var text = await _cluster.EventsOfAsync(ns, "HorizontalPodAutoscaler", "web");
            seen(text.Replace('\n', '|'));
            return text.Contains("SuccessfulRescale: New size: 1;", StringComparison.Ordinal) ? text : null;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        Assert.Contains("SuccessfulRescale: New size: 1; reason: All metrics below target", scaledDown, StringComparison.Ordinal);
        var decisions = await Eventually.Async("the RaiseFloor and ReleaseFloor decisions in the event's status", async seen =>
        {
            var list = (await _cluster.EventAsync(ns, "sale")).Status?.Decisions ?? [];
            seen(string.Join(", ", list.Select(d => $"{d.Action} {d.Floor}")));
            return list.Any(d => d.Action == "ReleaseFloor") ? list : null;
        }, TimeSpan.FromSeconds(15), Eventually.ApiOrHttpError);
        Assert.Contains(decisions, d => d.Action == "RaiseFloor" && d.Floor == 5);
        Assert.Contains(decisions, d => d.Action == "ReleaseFloor");
    }

    [Fact]
    public async Task Nothing_changes_until_approval_and_a_user_without_approve_gets_403()
    {
        await _cluster.InstallAsync();
        var ns = await _cluster.NamespaceAsync("ctl-approve");
        await _cluster.WorkloadAsync(ns, "web", minReplicas: 2);
        var pm = await _cluster.TokenAsync(ns, "pm", "scalingevent-editor");
        var approver = await _cluster.TokenAsync(ns, "lead", "scalingevent-approver");
        var (app, port) = await _cluster.StartControllerAsync(ns, TimeSpan.FromSeconds(3));
        await using var _ = app;

        await _cluster.CreateEventAsync(Event(ns, "launch", DateTimeOffset.UtcNow.AddSeconds(5), DateTimeOffset.UtcNow.AddMinutes(10), floor: 4, lead: "10s"));
        var proposed = await Eventually.Async("the event Proposed (in its window, unapproved)", async seen =>
        {
            var e = await _cluster.EventAsync(ns, "launch");
            seen($"phase {e.Status?.Phase}");
            return e.Status?.Phase == ScalingEventPhases.Proposed && e.Status.Conditions?.Any(c => c.Type == "Approved" && c.Status == "False") == true ? e : null;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        Assert.NotNull(proposed.Status!.NextStart);

        var (denied, deniedBody) = await ControllerCluster.ApproveAsync(port, ns, "launch", pm);
        output.WriteLine($"pm: {(int)denied} {deniedBody}");
        Assert.Equal(HttpStatusCode.Forbidden, denied);
        Assert.Contains("may not 'approve'", deniedBody, StringComparison.Ordinal);
        var (anonymous, _) = await ControllerCluster.ApproveAsync(port, ns, "launch", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);

        // Several passes later (sync 3 s) and inside the window: still the owner's minReplicas.
        await Eventually.TrueAsync("three more passes without approval", async seen =>
        {
            var e = await _cluster.EventAsync(ns, "launch");
            var seconds = (DateTime.UtcNow - e.Status!.Conditions!.First(c => c.Type == "Approved").LastTransitionTime!.Value.ToUniversalTime()).TotalSeconds;
            seen($"{seconds:0} s since Proposed");
            return seconds > 10;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        Assert.Equal(2, (await _cluster.HpaAsync(ns, "web")).Spec.MinReplicas);

        var (approved, approvedBody) = await ControllerCluster.ApproveAsync(port, ns, "launch", approver);
        Assert.True(approved == HttpStatusCode.OK, approvedBody);
        await Eventually.TrueAsync("the floor of 4 after approval", async seen =>
        {
            var hpa = await _cluster.HpaAsync(ns, "web");
            seen($"minReplicas {hpa.Spec.MinReplicas}");
            return hpa.Spec.MinReplicas == 4;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        // The controller writes the phase after it applies the floor: wait for the status rather than read it once.
        var e = await Eventually.Async("the event Active after approval", async seen =>
        {
            var current = await _cluster.EventAsync(ns, "launch");
            seen($"phase {current.Status?.Phase}, approvedBy {current.Status?.ApprovedBy}");
            return current.Status?.Phase == ScalingEventPhases.Active ? current : null;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        Assert.Equal($"system:serviceaccount:{ns}:lead", e.Status!.ApprovedBy);
    }
}
