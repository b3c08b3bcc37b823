using System.Collections.Concurrent;
using System.Net;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes;
using Autoscaler.Kubernetes.Http;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>
/// Real 429s against our <see cref="KubernetesRetryHandler"/> (KubernetesClient 21 does not retry): the control plane
/// (ControlPlaneFlags) runs a second kube-apiserver with --max-requests-inflight=1 (API priority and fairness off). It answers excess
/// concurrent reads with 429 and "Retry-After: 1". system:masters is exempt from that limit, so these tests use
/// the plain e2e user, given cluster-admin here and only while these tests run (the adapter's RBAC test needs the
/// same user without it).
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class RetryTests(ControlPlaneFixture cp) : IAsyncLifetime
{
    private const string BindingName = "autoscaler-e2e-users";

    private const string Binding = """
        {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"autoscaler-e2e-users"},
         "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},
         "subjects":[{"apiGroup":"rbac.authorization.k8s.io","kind":"Group","name":"autoscaler-e2e:users"}]}
        """;

    private async Task<IKubernetes> ThrottledUserAsync(KubernetesRetryOptions options)
    {
        await cp.Admin.RbacAuthorizationV1.PatchClusterRoleBindingAsync(
            new V1Patch(Binding, V1Patch.PatchType.ApplyPatch), BindingName, fieldManager: "autoscaler-e2e", force: true);
        var client = cp.CreateClient(cp.Environment.ThrottledKubeconfig, options);
        var probe = cp.CreateClient(cp.Environment.ThrottledKubeconfig);
        await Eventually.Async("RBAC on the throttled server", async seen =>
        {
            try
            {
                return await probe.CoreV1.ListNamespaceAsync();
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Forbidden)
            {
                seen(e.Response.Content);
                return null;
            }
        }, TimeSpan.FromSeconds(30));
        return client;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        try
        {
            await cp.Admin.RbacAuthorizationV1.DeleteClusterRoleBindingAsync(BindingName);
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
        }
    }

    private static Task<V1ConfigMapList[]> Burst(IKubernetes client, int calls) =>
        Task.WhenAll(Enumerable.Range(0, calls).Select(_ => client.CoreV1.ListNamespacedConfigMapAsync("kube-system")));

    [Fact]
    public async Task Real_429s_are_retried_after_the_servers_Retry_After_and_every_call_succeeds()
    {
        var notices = new ConcurrentQueue<RetryNotice>();
        var client = await ThrottledUserAsync(new KubernetesRetryOptions { OnRetry = notices.Enqueue });
        for (var round = 0; round < 5 && !notices.Any(n => n.StatusCode == HttpStatusCode.TooManyRequests); round++)
        {
            var lists = await Burst(client, 20);
            Assert.All(lists, l => Assert.NotEmpty(l.Items));
        }

        var throttled = notices.Where(n => n.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(throttled);
        Assert.All(throttled, n => Assert.True(n.FromRetryAfter));
        // The server says "Retry-After: 1"; the handler waits that long plus up to half again, so a herd of
        // throttled callers does not come back in the same instant.
        Assert.All(throttled, n => Assert.InRange(n.Delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public async Task Without_retries_a_real_429_surfaces_as_the_librarys_exception_with_the_status_code()
    {
        var client = await ThrottledUserAsync(new KubernetesRetryOptions { MaxRetries = 0 });
        HttpOperationException? tooMany = null;
        for (var round = 0; round < 5 && tooMany is null; round++)
        {
            var calls = Enumerable.Range(0, 40).Select(_ => client.CoreV1.ListConfigMapForAllNamespacesAsync()).ToList();
            try
            {
                await Task.WhenAll(calls);
            }
            catch (HttpOperationException)
            {
                tooMany = calls.Where(c => c.IsFaulted).Select(c => c.Exception!.InnerException).OfType<HttpOperationException>().First();
            }
        }

        Assert.NotNull(tooMany);
        Assert.Equal(HttpStatusCode.TooManyRequests, ApiErrors.StatusCodeOf(tooMany));
    }
}
