using System.Security.Cryptography.X509Certificates;
using System.Text;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes;
using Autoscaler.MetricsAdapter.Auth;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// The adapter's own KubernetesClient calls (TokenReview, SubjectAccessReview, the front-proxy ConfigMap)
/// against the real v1.20 API server: what the adapter sends is accepted, and what it reads back means what
/// the adapter takes it to mean.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Adapter")]
public sealed class AdapterKubernetesCallsTests(ControlPlaneFixture cp)
{
    [Fact]
    public async Task Token_review_rejects_a_bad_token_and_names_a_service_account_with_its_groups()
    {
        var ns = await cp.CreateNamespaceAsync("tokens");
        var reviewer = new KubernetesTokenReviewer(cp.Admin);
        var token = await Eventually.Async($"the token secret of {ns}/default", async seen =>
        {
            var account = await cp.Admin.CoreV1.ReadNamespacedServiceAccountAsync("default", ns);
            if (account.Secrets?.FirstOrDefault()?.Name is not { } secret)
            {
                seen("no secret listed yet");
                return null;
            }

            var data = (await cp.Admin.CoreV1.ReadNamespacedSecretAsync(secret, ns)).Data;
            return data is not null && data.TryGetValue("token", out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
        }, TimeSpan.FromSeconds(30));

        var bad = await reviewer.ReviewAsync("not-a-token", CancellationToken.None);
        var good = await reviewer.ReviewAsync(token, CancellationToken.None);

        Assert.False(bad.Authenticated);
        Assert.True(good.Authenticated, good.Error);
        Assert.Equal($"system:serviceaccount:{ns}:default", good.User!.Name);
        Assert.Contains($"system:serviceaccounts:{ns}", good.User.Groups);
        Assert.Contains(AuthenticatedUser.AuthenticatedGroup, good.User.Groups);
        Assert.False(string.IsNullOrEmpty(good.User.Uid));
    }

    [Fact]
    public async Task Access_review_allows_the_hpa_controller_on_metrics_and_denies_a_stranger()
    {
        var reviewer = new KubernetesAccessReviewer(cp.Admin);
        var hpa = AuthenticatedUser.Create("system:serviceaccount:kube-system:horizontal-pod-autoscaler", "",
            ["system:serviceaccounts", "system:serviceaccounts:kube-system"], null);
        var stranger = AuthenticatedUser.Create("stranger", "", [], null);

        var custom = await reviewer.ReviewAsync(hpa, RequestAttributes.From("GET", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/http_requests"), CancellationToken.None);
        var external = await reviewer.ReviewAsync(stranger, RequestAttributes.From("GET", "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_length"), CancellationToken.None);
        var health = await reviewer.ReviewAsync(stranger, RequestAttributes.From("GET", "/healthz"), CancellationToken.None);

        Assert.True(custom.Allowed, custom.Reason);
        Assert.False(external.Allowed);
        Assert.True(health.Allowed, health.Reason);
    }

    [Fact]
    public async Task Trust_source_loads_the_front_proxy_CA_and_allowed_names_the_apiserver_publishes()
    {
        var source = new KubernetesTrustSource(cp.Admin, TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger<KubernetesTrustSource>.Instance);

        Assert.True(await source.RefreshAsync(CancellationToken.None), source.LastError);

        using var frontProxyCa = X509Certificate2.CreateFromPem(File.ReadAllText(cp.Environment.FrontProxyCaFile));
        Assert.Equal(new[] { "front-proxy-client" }, source.Current!.AllowedNames);
        Assert.Contains(source.Current.RequestHeaderCa, c => c.Thumbprint == frontProxyCa.Thumbprint);
        Assert.Null(source.LastError);
    }

    [Fact]
    public async Task The_adapter_reading_a_config_map_it_may_not_read_gets_Forbidden()
    {
        var user = cp.CreateClient(cp.Environment.UserKubeconfig);
        var source = new KubernetesTrustSource(user, TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger<KubernetesTrustSource>.Instance);

        Assert.False(await source.RefreshAsync(CancellationToken.None));
        Assert.Contains("Forbidden", source.LastError, StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => user.CoreV1.ReadNamespacedConfigMapAsync(KubernetesTrustSource.Name, KubernetesTrustSource.Namespace));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ApiErrors.StatusCodeOf(e));
    }
}
