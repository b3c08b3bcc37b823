using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Autoscaler.MetricsAdapter.Tls;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>
/// The gRPC port's own certificate (<c>Grpc:CertificateFile</c>/<c>Grpc:PrivateKeyFile</c>, issue #15) on real Kestrel
/// sockets: presented by the gRPC port while the secure port keeps the serving certificate, reloaded like the serving
/// certificate (a broken pair keeps the last good one), and an unusable pair stops the start naming the settings.
/// </summary>
public sealed class GrpcPortCertificateTests : IDisposable
{
    private static readonly TestCertificates Certs = TestCertificates.Instance;
    private readonly string _dir = Directory.CreateTempSubdirectory("grpc-cert-").FullName;

    private string CertPath => Path.Combine(_dir, "grpc.crt");

    private string KeyPath => Path.Combine(_dir, "grpc.key");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_grpc_port_presents_its_own_certificate_and_the_secure_port_keeps_the_serving_one()
    {
        using var own = WritePair(CertPath, KeyPath);
        await using var host = await StartAsync();
        host.Reviewers.Decide = (_, _) => true;
        using var trustingOwn = host.TlsChannel(Certs.OrdinaryClient, trusted: own);
        using var trustingServing = host.TlsChannel(Certs.OrdinaryClient);

        var onGrpc = await PushTlsHost.PresentedAsync(host.PushPort);
        var onSecure = await PushTlsHost.PresentedAsync(host.SecurePort);
        var pushed = await PushTlsHost.PushAsync(trustingOwn, "team-a");
        var refused = await PushTlsHost.PushAsync(trustingServing, "team-a");

        Assert.Equal(own.GetCertHashString(), onGrpc);
        Assert.Equal(host.Served.GetCertHashString(), onSecure);
        Assert.NotEqual(onGrpc, onSecure);
        Assert.Equal((StatusCode.OK, 1u), (pushed.Code, pushed.Accepted));
        // A client that trusts only the serving certificate fails the handshake on its side (Grpc.Net.Client: INTERNAL).
        Assert.Equal(StatusCode.Internal, refused.Code);
        Assert.Contains("SSL", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotated_grpc_certificate_is_presented_by_new_connections_and_a_broken_pair_keeps_the_last_good_one()
    {
        using var first = WritePair(CertPath, KeyPath);
        await using var host = await StartAsync();
        var serving = host.Served.GetCertHashString();
        var reloader = host.Services.GetRequiredService<GrpcPortCertificate>().Reloader;
        using var second = WritePair(CertPath, KeyPath);

        Assert.True(reloader.TryReload(out var error), error);
        var afterRotation = await PushTlsHost.PresentedAsync(host.PushPort);
        using var stray = WritePair(Path.Combine(_dir, "stray.crt"), Path.Combine(_dir, "stray.key"));
        File.Copy(Path.Combine(_dir, "stray.key"), KeyPath, overwrite: true);
        var mismatched = reloader.TryReload(out var mismatchError);
        var afterMismatch = await PushTlsHost.PresentedAsync(host.PushPort);

        Assert.Equal(second.GetCertHashString(), afterRotation);
        Assert.False(mismatched);
        Assert.Contains("does not match", mismatchError, StringComparison.Ordinal);
        Assert.Equal(second.GetCertHashString(), afterMismatch);
        Assert.Equal(serving, await PushTlsHost.PresentedAsync(host.SecurePort));
    }

    [Fact]
    public async Task A_key_that_does_not_match_the_certificate_stops_the_start_naming_the_settings()
    {
        using var own = WritePair(CertPath, KeyPath);
        using var other = WritePair(Path.Combine(_dir, "other.crt"), Path.Combine(_dir, "other.key"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PushTlsHost.StartAsync(
            ("Grpc:CertificateFile", CertPath), ("Grpc:PrivateKeyFile", Path.Combine(_dir, "other.key"))));

        Assert.StartsWith("Grpc:CertificateFile/Grpc:PrivateKeyFile: cannot load TLS certificate", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match", error.Message, StringComparison.Ordinal);
    }

    private Task<PushTlsHost> StartAsync() =>
        PushTlsHost.StartAsync(("Grpc:CertificateFile", CertPath), ("Grpc:PrivateKeyFile", KeyPath));

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 WritePair(string certPath, string keyPath)
    {
        var certificate = SelfSignedCertificateFactory.Create(["localhost", "127.0.0.1"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        SelfSignedCertificateFactory.WritePem(certificate, certPath, keyPath);
        return certificate;
    }
}
