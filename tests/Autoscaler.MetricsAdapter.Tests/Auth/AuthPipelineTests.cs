using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Tests.TestSupport;

namespace Autoscaler.MetricsAdapter.Tests.Auth;

public sealed class AuthPipelineTests
{
    private const string Metric = "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_length";
    private const string Hpa = "system:serviceaccount:kube-system:horizontal-pod-autoscaler";

    private static async Task<AdapterTestHost> Host()
    {
        var host = await AdapterTestHost.StartAsync();
        host.Source.SetExternal("queue_length", new Dictionary<string, string>(), Quantity.FromDouble(40), AdapterTestHost.Start);
        return host;
    }

    [Fact]
    public async Task AnonymousRequestsToMetricPathsAre401()
    {
        await using var host = await Host();
        var r = await host.SendAsync(Metric);
        Assert.Equal(401, r.Status);
        Assert.Equal("Unauthorized", r.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RemoteUserHeadersWithoutATrustedCertificateAreIgnored()
    {
        await using var host = await Host();
        var spoofed = await host.SendAsync(Metric, certificate: null, headers: [new("X-Remote-User", "admin"), new("X-Remote-Group", "system:masters")]);
        var stranger = await host.SendAsync(Metric, TestCertificates.Instance.Stranger, [new("X-Remote-User", "admin"), new("X-Remote-Group", "system:masters")]);
        // Signed by the ordinary client CA, not the requestheader CA: it is user "front-proxy-client", never "admin".
        var clientCa = await host.SendAsync(Metric, TestCertificates.Instance.Untrusted, [new("X-Remote-User", "admin"), new("X-Remote-Group", "system:masters")]);

        Assert.Equal(401, spoofed.Status);
        Assert.Equal(401, stranger.Status);
        Assert.Equal(403, clientCa.Status);
        Assert.Contains("User \"front-proxy-client\"", clientCa.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontProxyIdentityIsAuthorizedThroughSubjectAccessReview()
    {
        await using var host = await Host();
        host.Reviewers.AllowedUsers.Add(Hpa);

        var allowed = await host.AsHpaAsync(Metric);
        var denied = await host.AsHpaAsync(Metric, user: "system:serviceaccount:shop:nosy");

        Assert.Equal(200, allowed.Status);
        Assert.Equal(403, denied.Status);
        Assert.Equal("Forbidden", denied.Json.GetProperty("reason").GetString());
        Assert.Equal(
            "queue_length.external.metrics.k8s.io is forbidden: User \"system:serviceaccount:shop:nosy\" cannot list resource \"queue_length\" in API group \"external.metrics.k8s.io\" in the namespace \"default\": no RBAC policy matched",
            denied.Json.GetProperty("message").GetString());
        Assert.Equal("external.metrics.k8s.io", denied.Json.GetProperty("details").GetProperty("group").GetString());
        var reviewed = host.Reviewers.Reviewed.First();
        Assert.Equal(new RequestAttributes(true, "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_length", "list", "default", "external.metrics.k8s.io", "v1beta1", "queue_length"), reviewed);
    }

    [Fact]
    public async Task WrongCommonNameAndMissingClientAuthUsageAreRejected()
    {
        await using var host = await Host();
        host.Reviewers.AllowedUsers.Add("admin");
        var headers = new List<KeyValuePair<string, string>> { new("X-Remote-User", "admin") };

        Assert.Equal(401, (await host.SendAsync(Metric, TestCertificates.Instance.WrongName, headers)).Status);
        Assert.Equal(401, (await host.SendAsync(Metric, TestCertificates.Instance.NoClientAuth, headers)).Status);
        Assert.Equal(200, (await host.SendAsync(Metric, TestCertificates.Instance.FrontProxyClient, headers)).Status);
    }

    [Fact]
    public async Task OrdinaryClientCertificatesAuthenticateByCommonNameAndOrganization()
    {
        await using var host = await Host();
        host.Reviewers.AllowedUsers.Add("alice");
        var r = await host.SendAsync(Metric, TestCertificates.Instance.OrdinaryClient);
        Assert.Equal(200, r.Status);
    }

    [Fact]
    public async Task SystemMastersSkipsTheReview()
    {
        await using var host = await Host();
        var r = await host.AsAdminAsync(Metric);
        Assert.Equal(200, r.Status);
        Assert.Equal(0, host.Reviewers.AccessCalls);
    }

    [Fact]
    public async Task BearerTokensGoThroughTokenReviewAndAreCachedBriefly()
    {
        await using var host = await Host();
        host.Reviewers.Tokens["good"] = AuthenticatedUser.Create("prometheus", "u1", ["monitoring"], null);
        host.Reviewers.AllowedUsers.Add("prometheus");
        var bearer = new List<KeyValuePair<string, string>> { new("Authorization", "Bearer good") };

        Assert.Equal(200, (await host.SendAsync(Metric, headers: bearer)).Status);
        Assert.Equal(200, (await host.SendAsync(Metric, headers: bearer)).Status);
        Assert.Equal(1, host.Reviewers.TokenCalls);
        Assert.Equal(1, host.Reviewers.AccessCalls);

        host.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(200, (await host.SendAsync(Metric, headers: bearer)).Status);
        Assert.Equal(2, host.Reviewers.TokenCalls);
        Assert.Equal(2, host.Reviewers.AccessCalls);

        Assert.Equal(401, (await host.SendAsync(Metric, headers: [new("Authorization", "Bearer bad")])).Status);
    }

    [Fact]
    public async Task FailedReviewsAre503NeverAnAllow()
    {
        await using var host = await Host();
        host.Reviewers.Fail = true;

        var sar = await host.AsHpaAsync(Metric);
        var token = await host.SendAsync(Metric, headers: [new("Authorization", "Bearer x")]);

        Assert.Equal(503, sar.Status);
        Assert.Equal("ServiceUnavailable", sar.Json.GetProperty("reason").GetString());
        Assert.Equal("5", sar.RetryAfter);
        Assert.Equal(503, token.Status);
    }

    [Fact]
    public async Task CertificateBearingRequestsWaitForTrustMaterial()
    {
        await using var host = await Host();
        host.Trust.Current = null;
        var r = await host.AsHpaAsync(Metric);
        Assert.Equal(503, r.Status);
        Assert.Contains("authentication configuration", r.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthIsOpenButDiscoveryNeedsAnIdentity()
    {
        await using var host = await Host();
        Assert.Equal(200, (await host.SendAsync("/livez")).Status);
        Assert.Equal(401, (await host.SendAsync("/apis/external.metrics.k8s.io/v1beta1")).Status);
        Assert.Equal(401, (await host.SendAsync("/metrics")).Status);
    }

    [Fact]
    public async Task DisabledAuthServesEverything()
    {
        await using var host = await AdapterTestHost.StartAsync(o => o.Auth.Disabled = true);
        host.Source.SetExternal("queue_length", new Dictionary<string, string>(), Quantity.FromDouble(1), AdapterTestHost.Start);
        Assert.Equal(200, (await host.SendAsync(Metric)).Status);
    }
}
