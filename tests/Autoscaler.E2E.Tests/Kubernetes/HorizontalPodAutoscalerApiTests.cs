using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Autoscaling;
using k8s;

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

    private sealed class NameComparer : IEqualityComparer<k8s.Models.V2HorizontalPodAutoscaler>
    {
        public bool Equals(k8s.Models.V2HorizontalPodAutoscaler? x, k8s.Models.V2HorizontalPodAutoscaler? y) => x?.Metadata.Name == y?.Metadata.Name;

        public int GetHashCode(k8s.Models.V2HorizontalPodAutoscaler obj) => obj.Metadata.Name.GetHashCode(StringComparison.Ordinal);
    }
}
