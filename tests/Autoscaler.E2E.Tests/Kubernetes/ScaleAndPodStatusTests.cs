using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;

namespace Autoscaler.E2E.Tests.Kubernetes;

[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class ScaleAndPodStatusTests(ControlPlaneFixture cp)
{
    [Fact]
    public async Task Deployment_scale_subresource_reads_replaces_and_patches()
    {
        var ns = await cp.CreateNamespaceAsync("scale");
        var deployments = cp.Admin.Deployments;
        await deployments.CreateAsync(Workloads.Deployment(ns, "web", 2));

        var scale = await deployments.GetScaleAsync("web", ns);
        Assert.Equal(2, scale.Spec!.Replicas);
        Assert.Equal("Scale", scale.Kind);

        // The deployment controller writes the object too: a conditional replace re-reads on conflict.
        Scale? replaced = null;
        for (var attempt = 0; replaced is null && attempt < 5; attempt++)
        {
            var fresh = await deployments.GetScaleAsync("web", ns);
            fresh.Spec!.Replicas = 4;
            try
            {
                replaced = await deployments.ReplaceScaleAsync(fresh);
            }
            catch (KubernetesConflictException)
            {
            }
        }

        Assert.Equal(4, replaced!.Spec!.Replicas);
        var stale = await deployments.GetScaleAsync("web", ns);
        var patched = await deployments.PatchScaleAsync("web", ns, 5);
        Assert.Equal(5, patched.Spec!.Replicas);
        Assert.Equal(5, (await deployments.GetAsync("web", ns)).Spec!.Replicas);
        stale.Spec!.Replicas = 9;
        await Assert.ThrowsAsync<KubernetesConflictException>(() => deployments.ReplaceScaleAsync(stale));

        // The deployment controller (in the real controller-manager) reports the selector in string form.
        var observed = await Eventually.Async("the scale selector",
            async () => await deployments.GetScaleAsync("web", ns) is { Status.Selector: { Length: > 0 } } s ? s : null, TimeSpan.FromSeconds(30));
        Assert.Equal("app=web", observed.Status!.Selector);
    }

    [Fact]
    public async Task StatefulSet_scale_subresource_round_trips()
    {
        var ns = await cp.CreateNamespaceAsync("scale");
        await cp.Admin.StatefulSets.CreateAsync(Workloads.StatefulSet(ns, "db", 1));
        var patched = await cp.Admin.StatefulSets.PatchScaleAsync("db", ns, 3);
        Assert.Equal(3, patched.Spec!.Replicas);
        Assert.Equal(3, (await cp.Admin.StatefulSets.GetAsync("db", ns)).Spec!.Replicas);
    }

    [Fact]
    public async Task Pod_status_is_patched_to_Ready_through_the_status_subresource()
    {
        var ns = await cp.CreateNamespaceAsync("pods");
        var pod = await cp.Admin.Pods.CreateAsync(Workloads.Pod(ns, "p1", "web"));
        Assert.Equal("Pending", pod.Status?.Phase ?? "Pending");

        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var patch = KubernetesPatch.Merge($$$"""
            {"status":{"phase":"Running","podIP":"10.123.0.50","conditions":[
              {"type":"Ready","status":"True","lastTransitionTime":"{{{now}}}"},
              {"type":"ContainersReady","status":"True","lastTransitionTime":"{{{now}}}"},
              {"type":"PodScheduled","status":"True","lastTransitionTime":"{{{now}}}"}]}}
            """);
        await cp.Admin.Pods.PatchAsync("p1", ns, patch, subresource: "status");

        var read = await cp.Admin.Pods.GetAsync("p1", ns);
        Assert.Equal("Running", read.Status!.Phase);
        Assert.Equal("10.123.0.50", read.Status.PodIP);
        Assert.Contains(read.Status.Conditions!, c => c.Type == "Ready" && c.Status == "True");
    }
}
