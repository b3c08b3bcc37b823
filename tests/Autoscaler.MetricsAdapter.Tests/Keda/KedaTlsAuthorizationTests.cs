using Autoscaler.MetricsAdapter.Keda.Protocol;
using Autoscaler.MetricsAdapter.Tests.Grpc;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;

namespace Autoscaler.MetricsAdapter.Tests.Keda;

/// <summary>
/// KEDA's external scaler on the TLS gRPC port with <c>Keda:Authentication=Required</c> (issue #15), composed as
/// <c>Program.cs</c> composes it, on real sockets with Grpc.Net.Client and scripted reviewers: a client certificate of the
/// client CA (what KEDA's <c>tlsClientCert</c> presents) reads as CN/O after a SubjectAccessReview for <c>list</c> on the
/// metric in <c>external.metrics.k8s.io</c> in the ScaledObject's namespace, like an aggregated-API read; anything else is
/// refused before a value is read.
/// </summary>
public sealed class KedaTlsAuthorizationTests
{
    private static readonly TestCertificates Certs = TestCertificates.Instance;

    [Fact]
    public async Task A_client_certificate_reads_every_call_after_a_review_of_the_metric_in_its_namespace()
    {
        await using var host = await PushTlsHost.StartAsync(("Keda:Authentication", "Required"));
        host.Reviewers.Decide = (user, attributes) => user.Name == "alice" && attributes.Namespace == "team-a";
        using var channel = host.TlsChannel(Certs.OrdinaryClient);
        Assert.Equal(StatusCode.OK, (await PushTlsHost.PushAsync(channel, "team-a")).Code);
        while (host.Reviewers.Reviewed.TryDequeue(out _))
        {
        }

        var scaler = new ExternalScaler.ExternalScalerClient(channel);
        var reference = Reference("team-a");
        var spec = await scaler.GetMetricSpecAsync(reference, deadline: Deadline());
        var metrics = await scaler.GetMetricsAsync(new GetMetricsRequest { ScaledObjectRef = reference, MetricName = "queue_length" }, deadline: Deadline());
        var active = await scaler.IsActiveAsync(reference, deadline: Deadline());
        using var stream = scaler.StreamIsActive(reference, deadline: Deadline());
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        var streamed = stream.ResponseStream.Current.Result;

        Assert.Equal(5.0, spec.MetricSpecs.Single().TargetSizeFloat);
        Assert.Equal(7.0, metrics.MetricValues.Single().MetricValueFloat);
        Assert.True(active.Result);
        Assert.True(streamed);
        // The first call is reviewed, the other three are answered by the review cache (same user, same attributes).
        var reviews = host.Reviewers.Reviewed.ToArray();
        Assert.NotEmpty(reviews);
        Assert.All(reviews, r => Assert.Equal(
            ("list", "external.metrics.k8s.io", "queue_length", "team-a", "/apis/external.metrics.k8s.io/v1beta1/namespaces/team-a/queue_length"),
            (r.Verb, r.Group, r.Resource, r.Namespace, r.Path)));
    }

    [Fact]
    public async Task A_read_in_a_namespace_the_identity_may_not_read_is_permission_denied_with_the_apiservers_wording()
    {
        await using var host = await PushTlsHost.StartAsync(("Keda:Authentication", "Required"));
        host.Reviewers.Decide = (_, attributes) => attributes.Namespace == "team-a";
        using var channel = host.TlsChannel(Certs.OrdinaryClient);
        Assert.Equal(StatusCode.OK, (await PushTlsHost.PushAsync(channel, "team-a")).Code);

        var denied = await CodeOf(channel, Reference("team-c"));

        Assert.Equal(StatusCode.PermissionDenied, denied.Code);
        Assert.Contains(
            "queue_length.external.metrics.k8s.io is forbidden: User \"alice\" cannot list resource \"queue_length\" in API group \"external.metrics.k8s.io\" in the namespace \"team-c\"",
            denied.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_cas_certificate_and_no_credentials_are_unauthenticated_a_token_reads_and_a_failed_review_is_unavailable()
    {
        await using var host = await PushTlsHost.StartAsync(("Keda:Authentication", "Required"));
        host.Reviewers.Decide = (_, _) => true;
        host.Reviewers.Tokens["keda-token"] = Autoscaler.MetricsAdapter.Auth.AuthenticatedUser.Create("system:serviceaccount:keda:keda-operator", string.Empty, [], null);
        using var member = host.TlsChannel(Certs.OrdinaryClient);
        Assert.Equal(StatusCode.OK, (await PushTlsHost.PushAsync(member, "team-a")).Code);
        var reviewsAfterPush = host.Reviewers.AccessCalls;
        using var stranger = host.TlsChannel(Certs.Stranger);
        using var anonymous = host.TlsChannel(clientCertificate: null);

        var fromStranger = await CodeOf(stranger, Reference("team-a"));
        var withNothing = await CodeOf(anonymous, Reference("team-a"));
        var reviewsOfRefused = host.Reviewers.AccessCalls - reviewsAfterPush;
        var withToken = await CodeOf(anonymous, Reference("team-a"), "keda-token");
        host.Reviewers.Fail = true;
        using var fresh = host.TlsChannel(Certs.OrdinaryClient);
        var reviewDown = await CodeOf(fresh, Reference("team-b"));

        Assert.Equal(StatusCode.Unauthenticated, fromStranger.Code);
        Assert.Contains("KEDA read requires", fromStranger.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, withNothing.Code);
        Assert.Contains("no credentials", withNothing.Detail, StringComparison.Ordinal);
        Assert.Equal(0, reviewsOfRefused);
        Assert.Equal(StatusCode.OK, withToken.Code);
        Assert.Equal(StatusCode.Unavailable, reviewDown.Code);
        Assert.Contains("access review failed", reviewDown.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_grant_ends_an_open_StreamIsActive_with_permission_denied()
    {
        // No review caching, so the next re-read sees the revocation at once.
        await using var host = await PushTlsHost.StartAsync(
            options => options.Auth.AuthorizedCacheTtl = TimeSpan.Zero,
            ("Keda:Authentication", "Required"), ("Keda:StreamIsActiveInterval", "00:00:00.050"));
        var granted = true;
        host.Reviewers.Decide = (_, _) => Volatile.Read(ref granted);
        using var channel = host.TlsChannel(Certs.OrdinaryClient);
        Assert.Equal(StatusCode.OK, (await PushTlsHost.PushAsync(channel, "team-a")).Code);
        using var stream = new ExternalScaler.ExternalScalerClient(channel).StreamIsActive(Reference("team-a"), deadline: Deadline());
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        var first = stream.ResponseStream.Current.Result;

        Volatile.Write(ref granted, false);
        // Activity does not change, so the stream sends nothing more until the next re-read is refused.
        var ended = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));

        Assert.True(first);
        Assert.Equal(StatusCode.PermissionDenied, ended.StatusCode);
        Assert.Contains("cannot list resource \"queue_length\"", ended.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keda_authentication_disabled_reads_without_credentials_while_pushes_stay_authorized()
    {
        await using var host = await PushTlsHost.StartAsync(("Keda:Authentication", "Disabled"));
        host.Reviewers.Decide = (_, _) => true;
        using var member = host.TlsChannel(Certs.OrdinaryClient);
        Assert.Equal(StatusCode.OK, (await PushTlsHost.PushAsync(member, "team-a")).Code);
        using var anonymous = host.TlsChannel(clientCertificate: null);

        var read = await CodeOf(anonymous, Reference("team-a"));
        var push = await PushTlsHost.PushAsync(anonymous, "team-a");

        Assert.Equal(StatusCode.OK, read.Code);
        Assert.Equal(StatusCode.Unauthenticated, push.Code);
    }

    private static ScaledObjectRef Reference(string ns) => new()
    {
        Name = "worker",
        Namespace = ns,
        ScalerMetadata = { ["metricName"] = "queue_length", ["targetValue"] = "5", ["activationValue"] = "3" },
    };

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(20);

    /// <summary>GetMetrics' status code and detail.</summary>
    private static async Task<(StatusCode Code, string Detail)> CodeOf(GrpcChannel channel, ScaledObjectRef reference, string? bearerToken = null)
    {
        var headers = new Metadata();
        if (bearerToken is not null)
        {
            headers.Add("authorization", "Bearer " + bearerToken);
        }

        try
        {
            await new ExternalScaler.ExternalScalerClient(channel).GetMetricsAsync(
                new GetMetricsRequest { ScaledObjectRef = reference, MetricName = "queue_length" }, headers, Deadline());
            return (StatusCode.OK, string.Empty);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail);
        }
    }
}
