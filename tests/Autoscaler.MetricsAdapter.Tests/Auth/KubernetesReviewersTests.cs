using System.Net;
using System.Text;
using System.Text.Json;
using Autoscaler.MetricsAdapter.Auth;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoscaler.MetricsAdapter.Tests.Auth;

/// <summary>The adapter's KubernetesClient calls: what they send to the API server and how they read the answer.</summary>
public sealed class KubernetesReviewersTests
{
    /// <summary>Answers every call from a script (no network) and records method, path and body.</summary>
    private sealed class ApiPeer(HttpStatusCode code, string body) : DelegatingHandler
    {
        public List<(string Method, string Path, string? Body)> Calls { get; } = [];

        public HttpStatusCode Code { get; set; } = code;

        public string Body { get; set; } = body;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls.Add((request.Method.Method, request.RequestUri!.AbsolutePath, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(Code) { RequestMessage = request, Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        }
    }

    private static (IKubernetes Client, ApiPeer Peer) Api(string body, HttpStatusCode code = HttpStatusCode.Created)
    {
        var peer = new ApiPeer(code, body);
        return (new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "https://api.test:6443" }, peer), peer);
    }

    [Fact]
    public async Task A_token_review_posts_the_token_and_reads_user_groups_and_extra()
    {
        var (client, peer) = Api("""
            {"apiVersion":"authentication.k8s.io/v1","kind":"TokenReview","status":{"authenticated":true,
             "user":{"username":"system:serviceaccount:shop:hpa","uid":"u-1","groups":["system:serviceaccounts"],"extra":{"scopes":["a","b"]}}}}
            """);

        var outcome = await new KubernetesTokenReviewer(client).ReviewAsync("secret-token", CancellationToken.None);

        var call = Assert.Single(peer.Calls);
        Assert.Equal(("POST", "/apis/authentication.k8s.io/v1/tokenreviews"), (call.Method, call.Path));
        Assert.Equal("secret-token", JsonDocument.Parse(call.Body!).RootElement.GetProperty("spec").GetProperty("token").GetString());
        Assert.True(outcome.Authenticated);
        Assert.Equal("system:serviceaccount:shop:hpa", outcome.User!.Name);
        Assert.Equal("u-1", outcome.User.Uid);
        Assert.Equal(new[] { "system:serviceaccounts", AuthenticatedUser.AuthenticatedGroup }, outcome.User.Groups);
        Assert.Equal(new[] { "a", "b" }, outcome.User.Extra["scopes"]);
    }

    [Fact]
    public async Task A_rejected_token_carries_the_servers_error()
    {
        var (client, _) = Api("""{"kind":"TokenReview","status":{"authenticated":false,"error":"token expired"}}""");

        var outcome = await new KubernetesTokenReviewer(client).ReviewAsync("old", CancellationToken.None);

        Assert.False(outcome.Authenticated);
        Assert.Null(outcome.User);
        Assert.Equal("token expired", outcome.Error);
    }

    [Fact]
    public async Task An_access_review_sends_the_users_identity_and_the_resource_attributes()
    {
        var (client, peer) = Api("""{"kind":"SubjectAccessReview","status":{"allowed":true,"reason":"RBAC: allowed by RoleBinding"}}""");
        var user = AuthenticatedUser.Create("alice", "u-9", ["team"], new Dictionary<string, IReadOnlyList<string>> { ["scopes"] = ["x"] });
        var attributes = new RequestAttributes(true, "/apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_length", "list", "shop", "external.metrics.k8s.io", "v1beta1", "queue_length");

        var decision = await new KubernetesAccessReviewer(client).ReviewAsync(user, attributes, CancellationToken.None);

        var call = Assert.Single(peer.Calls);
        Assert.Equal(("POST", "/apis/authorization.k8s.io/v1/subjectaccessreviews"), (call.Method, call.Path));
        var spec = JsonDocument.Parse(call.Body!).RootElement.GetProperty("spec");
        Assert.Equal("alice", spec.GetProperty("user").GetString());
        Assert.Equal("u-9", spec.GetProperty("uid").GetString());
        Assert.Equal("x", spec.GetProperty("extra").GetProperty("scopes")[0].GetString());
        var resource = spec.GetProperty("resourceAttributes");
        Assert.Equal(("shop", "list", "external.metrics.k8s.io", "v1beta1", "queue_length"), (
            resource.GetProperty("namespace").GetString(), resource.GetProperty("verb").GetString(), resource.GetProperty("group").GetString(),
            resource.GetProperty("version").GetString(), resource.GetProperty("resource").GetString()));
        Assert.False(spec.TryGetProperty("nonResourceAttributes", out _));
        Assert.Equal(new AccessDecision(true, "RBAC: allowed by RoleBinding"), decision);
    }

    [Fact]
    public async Task A_non_resource_review_sends_path_and_verb_and_an_explicit_deny_wins()
    {
        var (client, peer) = Api("""{"kind":"SubjectAccessReview","status":{"allowed":true,"denied":true,"reason":"denied by webhook"}}""");
        var user = AuthenticatedUser.Create("bob", "", [], null);

        var decision = await new KubernetesAccessReviewer(client).ReviewAsync(user, new RequestAttributes(false, "/metrics", "get"), CancellationToken.None);

        var nonResource = JsonDocument.Parse(Assert.Single(peer.Calls).Body!).RootElement.GetProperty("spec").GetProperty("nonResourceAttributes");
        Assert.Equal(("/metrics", "get"), (nonResource.GetProperty("path").GetString(), nonResource.GetProperty("verb").GetString()));
        Assert.False(decision.Allowed);
    }

    [Fact]
    public async Task The_trust_source_reads_the_front_proxy_config_map_and_keeps_the_last_good_material_when_a_read_fails()
    {
        var (client, peer) = Api("""
            {"kind":"ConfigMap","metadata":{"name":"extension-apiserver-authentication","namespace":"kube-system"},
             "data":{"requestheader-allowed-names":"[\"front-proxy-client\"]","requestheader-username-headers":"[\"X-Remote-User\"]"}}
            """, HttpStatusCode.OK);
        var source = new KubernetesTrustSource(client, TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger<KubernetesTrustSource>.Instance);

        Assert.True(await source.RefreshAsync(CancellationToken.None));

        Assert.Equal(("GET", "/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication"), (peer.Calls[0].Method, peer.Calls[0].Path));
        Assert.Equal(new[] { "front-proxy-client" }, source.Current!.AllowedNames);
        Assert.Null(source.LastError);

        var loaded = source.Current;
        (peer.Code, peer.Body) = (HttpStatusCode.Forbidden, """{"kind":"Status","code":403,"reason":"Forbidden"}""");
        Assert.True(await source.RefreshAsync(CancellationToken.None));
        Assert.Same(loaded, source.Current);
        Assert.Contains("kube-system/extension-apiserver-authentication", source.LastError, StringComparison.Ordinal);

        var (failing, _) = Api("""{"kind":"Status","code":403,"reason":"Forbidden"}""", HttpStatusCode.Forbidden);
        var neverLoaded = new KubernetesTrustSource(failing, TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger<KubernetesTrustSource>.Instance);
        Assert.False(await neverLoaded.RefreshAsync(CancellationToken.None));
        Assert.Null(neverLoaded.Current);
    }
}
