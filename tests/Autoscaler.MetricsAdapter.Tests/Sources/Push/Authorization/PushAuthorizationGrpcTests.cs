using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tests.Grpc;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push.Authorization;

/// <summary>The push handler with the Kubernetes authorizer: status codes on the wire, and nothing stored unless allowed.</summary>
public sealed class PushAuthorizationGrpcTests : IAsyncLifetime
{
    private const string PushPath = "/autoscaler.metrics.v1.MetricsPush/Push";
    private readonly SqliteSampleStore _store = new(":memory:");
    private readonly FakeReviewers _reviewers = new();
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _reviewers.Tokens["team-a-token"] = AuthenticatedUser.Create("system:serviceaccount:team-a:pusher", string.Empty, [], null);
        _reviewers.Decide = (_, a) => a.Namespace == "team-a";
        var clock = TimeProvider.System;
        var options = new AuthOptions();
        var authorizer = new KubernetesPushAuthorizer(
            new TokenAuthenticator(_reviewers, options, clock),
            new RequestHeaderAuthenticator(new ClientCertificateVerifier(clock)),
            new StaticTrustSource(null),
            new DelegatingAuthorizer(_reviewers, options, clock),
            NullLogger<KubernetesPushAuthorizer>.Instance);
        _host = await GrpcTestHost.StartAsync(services =>
        {
            services.AddSingleton<ISampleStore>(_store);
            services.AddSingleton<IPushAuthorizer>(authorizer);
            services.AddPushGrpcService();
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task Without_a_token_the_push_is_unauthenticated_and_nothing_is_stored()
    {
        var reply = await _host.SendAsync(GrpcTestHost.Request(PushPath, GrpcTestHost.Frame(Batch("team-a"))));

        Assert.Equal("16", reply.Status);
        Assert.Contains("bearer token", Uri.UnescapeDataString(reply.Message!), StringComparison.Ordinal);
        Assert.Empty(_store.MetricNames());
    }

    [Fact]
    public async Task A_namespace_the_token_may_not_push_into_is_permission_denied_and_nothing_is_stored()
    {
        var reply = await _host.SendAsync(WithToken(GrpcTestHost.Request(PushPath, GrpcTestHost.Frame(Batch("team-b"))), "team-a-token"));

        Assert.Equal("7", reply.Status);
        Assert.Contains("in the namespace \"team-b\"", Uri.UnescapeDataString(reply.Message!), StringComparison.Ordinal);
        Assert.Empty(_store.MetricNames());
    }

    [Fact]
    public async Task An_allowed_token_stores_the_batch()
    {
        var reply = await _host.SendAsync(WithToken(GrpcTestHost.Request(PushPath, GrpcTestHost.Frame(Batch("team-a"))), "team-a-token"));

        Assert.Equal(1u, reply.Single(PushResponse.Parser).Accepted);
        Assert.Equal(3.0, _store.Latest("team-a", "queue_length", _ => true).Single().Value);
    }

    [Fact]
    public async Task A_stream_stops_at_the_first_batch_for_a_denied_namespace()
    {
        var body = GrpcTestHost.Frame(Batch("team-a")).Concat(GrpcTestHost.Frame(Batch("team-b"))).ToArray();

        var reply = await _host.SendAsync(WithToken(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/PushStream", body), "team-a-token"));

        Assert.Equal("7", reply.Status);
        Assert.Single(_store.Latest("team-a", "queue_length", _ => true));
        Assert.Empty(_store.Latest("team-b", "queue_length", _ => true));
    }

    [Fact]
    public async Task A_failed_review_is_unavailable_and_nothing_is_stored()
    {
        _reviewers.Fail = true;

        var reply = await _host.SendAsync(WithToken(GrpcTestHost.Request(PushPath, GrpcTestHost.Frame(Batch("team-a"))), "team-a-token"));

        Assert.Equal("14", reply.Status);
        Assert.Empty(_store.MetricNames());
    }

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return request;
    }

    private static PushRequest Batch(string ns) =>
        new() { Namespace = ns, Samples = { new Sample { Name = "queue_length", Value = 3, TimestampUnixMs = 0 } } };
}
