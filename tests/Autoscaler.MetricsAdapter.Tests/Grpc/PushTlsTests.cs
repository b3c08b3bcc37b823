using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Autoscaler.MetricsAdapter.Tls;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>
/// TLS on the push port (issue #15), on real Kestrel sockets with Grpc.Net.Client: client certificates of the client CA
/// push as their CN/O through the per-namespace SubjectAccessReview, anything else is UNAUTHENTICATED with nothing
/// stored, and a failed handshake closes one connection, never the port.
/// </summary>
public sealed class PushTlsTests
{
    private static readonly TestCertificates Certs = TestCertificates.Instance;

    [Fact]
    public async Task A_client_certificate_of_the_client_ca_pushes_as_its_cn_and_groups_after_a_per_namespace_review()
    {
        await using var host = await PushTlsHost.StartAsync();
        AuthenticatedUser? reviewed = null;
        host.Reviewers.Decide = (user, attributes) =>
        {
            reviewed = user;
            return user.Name == "alice" && attributes.Namespace == "team-a";
        };
        using var channel = host.TlsChannel(Certs.OrdinaryClient);

        var allowed = await PushTlsHost.PushAsync(channel, "team-a");
        var denied = await PushTlsHost.PushAsync(channel, "team-c");

        Assert.Equal((StatusCode.OK, 1u), (allowed.Code, allowed.Accepted));
        Assert.Equal("alice", reviewed!.Name);
        Assert.Contains("team-a", reviewed.Groups);
        Assert.Contains("team-b", reviewed.Groups);
        var review = host.Reviewers.Reviewed.First();
        Assert.Equal(("create", "pushedmetrics", "metrics.autoscaler.dev", "team-a"), (review.Verb, review.Resource, review.Group, review.Namespace));
        Assert.Equal(7.0, host.Store.Latest("team-a", "queue_length", _ => true).Single().Value);
        Assert.Equal(StatusCode.PermissionDenied, denied.Code);
        Assert.Empty(host.Store.Latest("team-c", "queue_length", _ => true));
        Assert.Equal(0, host.Reviewers.TokenCalls);
    }

    [Fact]
    public async Task A_certificate_from_another_ca_is_unauthenticated_and_nothing_is_stored()
    {
        await using var host = await PushTlsHost.StartAsync();
        host.Reviewers.Decide = (_, _) => true;
        using var stranger = host.TlsChannel(Certs.Stranger);
        // Signed by the front-proxy CA: trusted for X-Remote-* on the secure port, but not a client-CA identity.
        using var frontProxy = host.TlsChannel(Certs.FrontProxyClient);

        var strangerPush = await PushTlsHost.PushAsync(stranger, "team-a");
        var frontProxyPush = await PushTlsHost.PushAsync(frontProxy, "team-a");

        Assert.Equal(StatusCode.Unauthenticated, strangerPush.Code);
        Assert.Contains("does not verify against the client CA", strangerPush.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, frontProxyPush.Code);
        Assert.Empty(host.Store.MetricNames());
        Assert.Equal(0, host.Reviewers.AccessCalls);
    }

    [Fact]
    public async Task No_certificate_and_no_token_is_unauthenticated_and_a_token_alone_still_works_over_tls()
    {
        await using var host = await PushTlsHost.StartAsync();
        host.Reviewers.Tokens["pusher-token"] = AuthenticatedUser.Create("system:serviceaccount:team-a:pusher", string.Empty, [], null);
        host.Reviewers.Decide = (user, _) => user.Name == "system:serviceaccount:team-a:pusher";
        using var channel = host.TlsChannel(clientCertificate: null);

        var anonymous = await PushTlsHost.PushAsync(channel, "team-a");
        var emptyAfterAnonymous = host.Store.MetricNames().Count;
        var withToken = await PushTlsHost.PushAsync(channel, "team-a", "pusher-token");

        Assert.Equal(StatusCode.Unauthenticated, anonymous.Code);
        Assert.Contains("no credentials", anonymous.Detail, StringComparison.Ordinal);
        Assert.Equal(0, emptyAfterAnonymous);
        Assert.Equal((StatusCode.OK, 1u), (withToken.Code, withToken.Accepted));
    }

    [Fact]
    public async Task Failed_handshakes_close_their_connection_and_the_port_keeps_serving()
    {
        await using var host = await PushTlsHost.StartAsync();
        host.Reviewers.Decide = (_, _) => true;

        // 1. A cleartext h2c client on the TLS port.
        using var cleartext = GrpcChannel.ForAddress($"http://127.0.0.1:{host.PushPort}");
        var h2c = await PushTlsHost.PushAsync(cleartext, "team-a");
        // 2. Bytes that are no TLS record at all, then the connection is dropped by the client.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, host.PushPort);
            await tcp.GetStream().WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        }

        // 3. A TLS client that refuses the server's certificate, and one that offers only TLS 1.1.
        var refusing = await HandshakeAsync(host.PushPort, new SslClientAuthenticationOptions { TargetHost = "localhost", RemoteCertificateValidationCallback = (_, _, _, _) => false });
#pragma warning disable SYSLIB0039 // TLS 1.1 on purpose: the server must refuse it
        var oldProtocol = await HandshakeAsync(host.PushPort, new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = System.Security.Authentication.SslProtocols.Tls11,
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
#pragma warning restore SYSLIB0039
        using var good = host.TlsChannel(Certs.OrdinaryClient);
        var after = await PushTlsHost.PushAsync(good, "team-a");

        Assert.Equal(StatusCode.Unavailable, h2c.Code);
        Assert.False(refusing);
        Assert.False(oldProtocol);
        Assert.Equal((StatusCode.OK, 1u), (after.Code, after.Accepted));
    }

    [Fact]
    public async Task Required_client_certificates_refuse_a_connection_without_one_and_still_verify_the_ca_per_call()
    {
        await using var host = await PushTlsHost.StartAsync(("Grpc:ClientCertificate", "Require"));
        host.Reviewers.Tokens["pusher-token"] = AuthenticatedUser.Create("someone", string.Empty, [], null);
        host.Reviewers.Decide = (_, _) => true;
        using var tokenOnly = host.TlsChannel(clientCertificate: null);
        using var stranger = host.TlsChannel(Certs.Stranger);
        using var member = host.TlsChannel(Certs.OrdinaryClient);

        var withoutCertificate = await PushTlsHost.PushAsync(tokenOnly, "team-a", "pusher-token");
        var fromAnotherCa = await PushTlsHost.PushAsync(stranger, "team-a");
        var fromClientCa = await PushTlsHost.PushAsync(member, "team-a");

        Assert.Equal(StatusCode.Unavailable, withoutCertificate.Code);
        Assert.Equal(0, host.Reviewers.TokenCalls);
        Assert.Equal(StatusCode.Unauthenticated, fromAnotherCa.Code);
        Assert.Equal((StatusCode.OK, 1u), (fromClientCa.Code, fromClientCa.Accepted));
    }

    [Fact]
    public async Task Tls_off_is_cleartext_h2c_even_with_a_serving_certificate()
    {
        await using var host = await PushTlsHost.StartAsync(("Grpc:Tls", "Off"));
        host.Reviewers.Tokens["pusher-token"] = AuthenticatedUser.Create("someone", string.Empty, [], null);
        host.Reviewers.Decide = (_, _) => true;
        using var cleartext = GrpcChannel.ForAddress($"http://127.0.0.1:{host.PushPort}");
        using var tls = host.TlsChannel(Certs.OrdinaryClient);

        var h2c = await PushTlsHost.PushAsync(cleartext, "team-a", "pusher-token");
        var overTls = await PushTlsHost.PushAsync(tls, "team-a");

        Assert.Equal((StatusCode.OK, 1u), (h2c.Code, h2c.Accepted));
        // A TLS ClientHello on a cleartext port fails on the client's side (Grpc.Net.Client reports it as INTERNAL).
        Assert.NotEqual(StatusCode.OK, overTls.Code);
    }

    [Fact]
    public async Task A_reloaded_serving_certificate_is_presented_by_new_push_connections()
    {
        await using var host = await PushTlsHost.StartAsync();
        var before = await PushTlsHost.PresentedAsync(host.PushPort);
        var next = SelfSignedCertificateFactory.Create(["localhost"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        SelfSignedCertificateFactory.WritePem(next, Path.Combine(host.WorkDirectory, "tls.crt"), Path.Combine(host.WorkDirectory, "tls.key"));

        Assert.True(host.Services.GetRequiredService<CertificateFileReloader>().TryReload(out var error), error);
        var after = await PushTlsHost.PresentedAsync(host.PushPort);

        Assert.NotEqual(next.GetCertHashString(), before);
        Assert.Equal(next.GetCertHashString(), after);
    }

    private static async Task<bool> HandshakeAsync(int port, SslClientAuthenticationOptions options)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var ssl = new SslStream(tcp.GetStream());
        try
        {
            options.ApplicationProtocols = [SslApplicationProtocol.Http2];
            await ssl.AuthenticateAsClientAsync(options);
            return true;
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException)
        {
            return false;
        }
    }
}
