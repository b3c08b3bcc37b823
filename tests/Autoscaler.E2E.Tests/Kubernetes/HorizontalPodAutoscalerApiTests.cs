using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Autoscaling;
using Autoscaler.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>
/// Our HPA helper on the real 1.20 server, which serves autoscaling/v2beta2 but not v2 (KubernetesClient 21 has
/// typed calls for v2 only): discovery picks v2beta2, and server-side apply by two managers keeps each one's fields.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class HorizontalPodAutoscalerApiTests(ControlPlaneFixture cp)
{
    [Fact]
    public async Task Discovery_picks_v2beta2_and_applying_minReplicas_keeps_the_other_managers_fields()
    {
        var ns = await cp.CreateNamespaceAsync("hpa-apply");
        await cp.Admin.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment(ns, "web", 1), ns);

        var hpas = await HorizontalPodAutoscalerApi.DiscoverAsync(cp.Admin);
        Assert.Equal("v2beta2", hpas.Version);

        var owner = new
        {
            spec = new
            {
                scaleTargetRef = new { apiVersion = "apps/v1", kind = "Deployment", name = "web" },
                minReplicas = 1,
                maxReplicas = 6,
                metrics = new[] { new { type = "Resource", resource = new { name = "cpu", target = new { type = "Utilization", averageUtilization = 70 } } } },
            },
        };
        var created = await hpas.ApplyAsync(ns, "web", owner, fieldManager: "e2e-gitops");
        Assert.Equal("autoscaling/v2beta2", created.ApiVersion);
        Assert.Equal(1, created.Spec.MinReplicas);

        // A second manager takes minReplicas over (force: the floor wins over the GitOps value) and owns nothing else.
        var floored = await hpas.ApplyAsync(ns, "web", new { spec = new { minReplicas = 3 } }, fieldManager: "autoscaler-prescale", force: true);
        var read = await hpas.ReadAsync(ns, "web");

        Assert.Equal(3, floored.Spec.MinReplicas);
        Assert.Equal(3, read.Spec.MinReplicas);
        Assert.Equal(6, read.Spec.MaxReplicas);
        Assert.Equal(70, Assert.Single(read.Spec.Metrics).Resource.Target.AverageUtilization);
        Assert.Equal("web", read.Spec.ScaleTargetRef.Name);
        var managers = read.Metadata.ManagedFields.Select(f => f.Manager).ToHashSet();
        Assert.Contains("e2e-gitops", managers);
        Assert.Contains("autoscaler-prescale", managers);
        Assert.Contains(read, (await hpas.ListAsync(ns)).Items, new NameComparer());
    }

    [Fact]
    public async Task An_informer_over_v2beta2_HPAs_sees_a_floor_applied_after_it_synced()
    {
        var ns = await cp.CreateNamespaceAsync("hpa-watch");
        var hpas = await HorizontalPodAutoscalerApi.DiscoverAsync(cp.Admin);
        var spec = new { spec = new { scaleTargetRef = new { apiVersion = "apps/v1", kind = "Deployment", name = "api" }, minReplicas = 1, maxReplicas = 4 } };
        await hpas.ApplyAsync(ns, "api", spec, fieldManager: "e2e-gitops");
        var informer = new Informer<V2HorizontalPodAutoscaler>(hpas.ListWatch(ns));
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(informer.TryGet($"{ns}/api", out var listed));
        Assert.Equal(1, listed.Spec.MinReplicas);

        await hpas.ApplyAsync(ns, "api", new { spec = new { minReplicas = 2 } }, fieldManager: "autoscaler-prescale", force: true);

        var watched = await Eventually.Async("the watched HPA with minReplicas 2", seen =>
        {
            var found = informer.TryGet($"{ns}/api", out var hpa);
            seen(found ? $"minReplicas {hpa.Spec.MinReplicas}, resourceVersion {hpa.Metadata.ResourceVersion}" : "not cached");
            return Task.FromResult(found && hpa.Spec.MinReplicas == 2 ? hpa : null);
        }, TimeSpan.FromSeconds(30));
        Assert.Equal(4, watched.Spec.MaxReplicas);
        Assert.Equal(1, informer.ListCount);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class NameComparer : IEqualityComparer<V2HorizontalPodAutoscaler>
    {
        public bool Equals(V2HorizontalPodAutoscaler? x, V2HorizontalPodAutoscaler? y) => x?.Metadata.Name == y?.Metadata.Name;

        public int GetHashCode(V2HorizontalPodAutoscaler obj) => obj.Metadata.Name.GetHashCode(StringComparison.Ordinal);
    }
}
