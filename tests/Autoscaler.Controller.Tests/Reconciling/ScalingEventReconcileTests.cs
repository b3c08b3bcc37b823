using Autoscaler.Controller.Cluster;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

public sealed class ScalingEventReconcileTests
{
    private static readonly DateTimeOffset T0 = ReconcilerHarness.T0;
    private const string Ns = "shop";

    private static ReconcilerHarness WithApprovedEvent(int floor = 5, string lead = "30s")
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", min: 1, max: 10, current: 1);
        h.Cluster.AddEvent(Resources.Event(Ns, "sale", "web", T0.AddSeconds(90), T0.AddSeconds(150), floor, lead));
        h.Cluster.Approve(Ns, "sale", "alice");
        return h;
    }

    [Fact]
    public async Task Floor_rises_lead_time_before_start_holds_through_the_window_and_the_original_is_restored_after_end()
    {
        var h = WithApprovedEvent();

        await h.PassAtAsync(T0);
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal(ScalingEventPhases.Scheduled, h.Cluster.Event(Ns, "sale").Status!.Phase);
        Assert.Equal("30s", h.Cluster.Event(Ns, "sale").Status!.LeadTimeUsed);

        await h.PassAtAsync(T0.AddSeconds(61)); // start 90 s - lead 30 s = 60 s
        var raised = h.Cluster.Hpa(Ns, "web");
        Assert.Equal(5, raised.MinReplicas);
        Assert.Equal("1", raised.Annotations[AutoscalerApi.OriginalMinReplicasAnnotation]);
        Assert.Equal("5", raised.Annotations[AutoscalerApi.AppliedFloorAnnotation]);
        Assert.Equal("ScalingEvent/sale", raised.Annotations[AutoscalerApi.FloorOwnersAnnotation]);
        var active = h.Cluster.Event(Ns, "sale").Status!;
        Assert.Equal(ScalingEventPhases.Active, active.Phase);
        Assert.Equal(5, active.Targets![0].AppliedFloor);
        Assert.Equal(1, active.Targets[0].OriginalMinReplicas);
        Assert.Contains(active.Decisions!, d => d.Action == "RaiseFloor" && d.Floor == 5 && d.Reason == "Event");
        Assert.Contains(h.Cluster.Events, e => e.Reason == "FloorRaised" && e.Target.Kind == "HorizontalPodAutoscaler");

        await h.PassAtAsync(T0.AddSeconds(120));
        Assert.Equal(5, h.Cluster.Hpa(Ns, "web").MinReplicas);

        await h.PassAtAsync(T0.AddSeconds(151));
        var restored = h.Cluster.Hpa(Ns, "web");
        Assert.Equal(1, restored.MinReplicas);
        Assert.DoesNotContain(restored.Annotations.Keys, k => k.StartsWith(AutoscalerApi.Group, StringComparison.Ordinal));
        Assert.Equal(ScalingEventPhases.Completed, h.Cluster.Event(Ns, "sale").Status!.Phase);
        Assert.Contains(h.Cluster.Events, e => e.Reason == "FloorReleased");
    }

    [Fact]
    public async Task A_proposed_event_changes_nothing_until_approved()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 1, 10, 1);
        h.Cluster.AddEvent(Resources.Event(Ns, "sale", "web", T0.AddSeconds(10), T0.AddSeconds(600), 5));

        await h.PassAtAsync(T0.AddSeconds(20));
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Empty(h.Cluster.Applies);
        var status = h.Cluster.Event(Ns, "sale").Status!;
        Assert.Equal(ScalingEventPhases.Proposed, status.Phase);
        Assert.Contains(status.Conditions!, c => c.Type == "Approved" && c.Status == "False" && c.Reason == "AwaitingApproval");

        h.Cluster.Approve(Ns, "sale", "alice");
        await h.PassAtAsync(T0.AddSeconds(21));
        Assert.Equal(5, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal(ScalingEventPhases.Active, h.Cluster.Event(Ns, "sale").Status!.Phase);
    }

    [Fact]
    public async Task A_spec_change_after_approval_needs_a_new_approval()
    {
        var h = WithApprovedEvent();
        var e = h.Cluster.Event(Ns, "sale");
        e.Metadata.Generation = 2;
        await h.PassAtAsync(T0.AddSeconds(61));
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal(ScalingEventPhases.Proposed, h.Cluster.Event(Ns, "sale").Status!.Phase);
    }

    [Fact]
    public async Task A_restart_in_the_window_neither_reapplies_nor_loses_the_original()
    {
        var h = WithApprovedEvent();
        await h.PassAtAsync(T0.AddSeconds(61));
        Assert.Single(h.Cluster.Applies);

        var restarted = h.Restarted();
        await restarted.PassAtAsync(T0.AddSeconds(100));
        Assert.Single(h.Cluster.Applies); // the floor was already there: nothing written
        Assert.Equal(5, h.Cluster.Hpa(Ns, "web").MinReplicas);

        await restarted.PassAtAsync(T0.AddSeconds(151));
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas); // the recorded original, not the raised 5
    }

    [Fact]
    public async Task A_steady_pass_writes_nothing()
    {
        var h = WithApprovedEvent();
        await h.PassAtAsync(T0.AddSeconds(61));
        var writes = h.Cluster.Writes;
        await h.PassAtAsync(T0.AddSeconds(91));
        await h.PassAtAsync(T0.AddSeconds(121));
        Assert.Equal(writes, h.Cluster.Writes);
    }

    [Fact]
    public async Task A_deleted_event_releases_its_floor()
    {
        var h = WithApprovedEvent();
        await h.PassAtAsync(T0.AddSeconds(61));
        h.Cluster.Event(Ns, "sale").Spec.Cancelled = true;
        await h.PassAtAsync(T0.AddSeconds(70));
        Assert.Equal(1, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal(ScalingEventPhases.Cancelled, h.Cluster.Event(Ns, "sale").Status!.Phase);
    }

    [Fact]
    public async Task A_declarative_owner_is_reported_not_forced_and_forced_when_configured()
    {
        var h = new ReconcilerHarness();
        h.Cluster.AddHpa(Ns, "web", 2, 10, 2, new FieldOwner("argocd-controller", "Apply"));
        h.Cluster.AddEvent(Resources.Event(Ns, "sale", "web", T0.AddSeconds(10), T0.AddSeconds(600), 5));
        h.Cluster.Approve(Ns, "sale", "alice");

        await h.PassAtAsync(T0.AddSeconds(20));
        Assert.Equal(2, h.Cluster.Hpa(Ns, "web").MinReplicas);
        var condition = Assert.Single(h.Cluster.Event(Ns, "sale").Status!.Conditions!, c => c.Type == "FloorApplied");
        Assert.Equal("False", condition.Status);
        Assert.Equal("FieldManagerConflict", condition.Reason);
        Assert.Contains("argocd-controller", condition.Message, StringComparison.Ordinal);
        Assert.Contains(h.Cluster.Events, e => e.Warning && e.Reason == "FloorConflict");

        var forcing = new ReconcilerHarness(new ControllerOptions { ForceConflicts = true }, h.Cluster, h.Time);
        await forcing.PassAtAsync(T0.AddSeconds(30));
        Assert.Equal(5, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.True(h.Cluster.Applies[^1].Force);
    }

    [Fact]
    public async Task An_imperative_owner_is_taken_over()
    {
        var h = WithApprovedEvent();
        await h.PassAtAsync(T0.AddSeconds(61));
        Assert.True(h.Cluster.Applies[0].Force);
        Assert.Equal(5, h.Cluster.Hpa(Ns, "web").MinReplicas);
    }

    [Fact]
    public async Task An_owner_edit_during_the_floor_becomes_the_new_original()
    {
        var h = WithApprovedEvent();
        await h.PassAtAsync(T0.AddSeconds(61));
        h.Cluster.SetHpa(h.Cluster.Hpa(Ns, "web") with { MinReplicas = 3 });
        await h.PassAtAsync(T0.AddSeconds(100));
        Assert.Equal(5, h.Cluster.Hpa(Ns, "web").MinReplicas);
        Assert.Equal("3", h.Cluster.Hpa(Ns, "web").Annotations[AutoscalerApi.OriginalMinReplicasAnnotation]);
        Assert.Contains(h.Cluster.Events, e => e.Reason == "MinReplicasChangedExternally");
        await h.PassAtAsync(T0.AddSeconds(151));
        Assert.Equal(3, h.Cluster.Hpa(Ns, "web").MinReplicas);
    }
}
