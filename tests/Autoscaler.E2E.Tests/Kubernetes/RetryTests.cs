using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Http;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>
/// Real 429s: control-plane.sh runs a second kube-apiserver with --max-requests-inflight=1 (API priority
/// and fairness off). It answers excess concurrent reads with 429 and "Retry-After: 1". system:masters
/// is exempt from that limit, so these tests use the plain e2e user, given cluster-admin here.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class RetryTests(ControlPlaneFixture cp)
{
    private static readonly ApiResource ClusterRoleBindings = new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false);

    private async Task<KubernetesClient> ThrottledUserAsync(KubernetesClientOptions options)
    {
        var binding = JsonSerializer.Deserialize("""
            {"metadata":{"name":"autoscaler-e2e-users"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},
             "subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"autoscaler-e2e:users"}]}
            """, KubernetesJsonContext.Default.CustomObject)!;
        await cp.Admin.CustomObjects(ClusterRoleBindings).ApplyAsync(binding, "autoscaler-e2e", force: true);
        var client = cp.CreateClient(cp.Environment.ThrottledKubeconfig, options);
        var probe = cp.CreateClient(cp.Environment.ThrottledKubeconfig);
        await Eventually.Async("RBAC on the throttled server", async () =>
        {
            try
            {
                return await probe.Namespaces.ListAsync();
            }
            catch (KubernetesApiException e) when (e.StatusCode == HttpStatusCode.Forbidden)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(30));
        return client;
    }

    private static Task<KubernetesList<ConfigMap>[]> Burst(KubernetesClient client) =>
        Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.ConfigMaps.ListAsync("kube-system")));

    [Fact]
    public async Task Real_429s_are_retried_after_the_servers_Retry_After_and_every_call_succeeds()
    {
        var notices = new ConcurrentQueue<RetryNotice>();
        var client = await ThrottledUserAsync(new KubernetesClientOptions { Qps = 10_000, Burst = 10_000, OnRetry = notices.Enqueue });
        for (var round = 0; round < 5 && !notices.Any(n => n.StatusCode == HttpStatusCode.TooManyRequests); round++)
        {
            var lists = await Burst(client);
            Assert.All(lists, l => Assert.NotEmpty(l.Items));
        }

        var throttled = notices.Where(n => n.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(throttled);
        Assert.All(throttled, n => Assert.True(n.FromRetryAfter));
        // The server says "Retry-After: 1"; the client waits that long plus up to half again, so a herd of
        // throttled callers does not come back in the same instant.
        Assert.All(throttled, n => Assert.InRange(n.Delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public async Task Without_retries_a_real_429_surfaces_with_the_TooManyRequests_reason()
    {
        var client = await ThrottledUserAsync(new KubernetesClientOptions { Qps = 10_000, Burst = 10_000, MaxRetries = 0 });
        KubernetesApiException? tooMany = null;
        for (var round = 0; round < 5 && tooMany is null; round++)
        {
            var calls = Enumerable.Range(0, 40).Select(_ => client.ConfigMaps.ListAsync()).ToList();
            try
            {
                await Task.WhenAll(calls);
            }
            catch (KubernetesApiException)
            {
                tooMany = calls.Where(c => c.IsFaulted).Select(c => c.Exception!.InnerException).OfType<KubernetesApiException>().First();
            }
        }

        Assert.NotNull(tooMany);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Equal("TooManyRequests", tooMany.Reason);
    }
}
