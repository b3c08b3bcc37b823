using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// The adapter program's TLS push port driven by Debian's python3-grpcio (<c>grpc.ssl_channel_credentials</c>, a client
/// written by others) with client certificates (issue #15). The adapter runs without a cluster, with push
/// authentication required and the client CA from <c>--client-ca-file</c>: a certificate in group
/// <c>system:masters</c> is allowed without a SubjectAccessReview (as the Go authorizer does), one of the client CA in
/// another group reaches the review, which cannot be made here (UNAVAILABLE, never an allow); a certificate of another
/// CA and no certificate at all are UNAUTHENTICATED. The per-namespace review through a real apiserver over mutual TLS
/// is <c>PushAuthorizationTests</c>. Needs <c>python3-grpcio python3-grpc-tools python3-protobuf</c>; no control plane.
/// </summary>
[Trait("Category", "Adapter")]
public sealed class PythonGrpcTlsPushTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _work = Directory.CreateTempSubdirectory("adapter-push-tls-e2e-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Python_grpcio_pushes_over_tls_with_a_client_certificate_and_is_refused_without_a_trusted_one()
    {
        var certs = Path.Combine(_work, "certs");
        Directory.CreateDirectory(certs);
        using var ca = CreateCa("push-test-ca");
        using var strangerCa = CreateCa("stranger-ca");
        using var frontProxyCa = CreateCa("front-proxy-ca");
        WritePem(frontProxyCa, Path.Combine(certs, "front-proxy-ca.crt"), null);
        WritePem(ca, Path.Combine(certs, "ca.crt"), null);
        WritePem(strangerCa, Path.Combine(certs, "stranger-ca.crt"), null);
        using var server = Issue(ca, "CN=localhost", serverAuth: true);
        WritePem(server, Path.Combine(certs, "server.crt"), Path.Combine(certs, "server.key"));
        using var admin = Issue(ca, "CN=python-admin, O=system:masters", serverAuth: false);
        using var member = Issue(ca, "CN=python-pusher, O=pushers", serverAuth: false);
        using var stranger = Issue(strangerCa, "CN=python-admin, O=system:masters", serverAuth: false);
        WritePem(admin, Path.Combine(certs, "admin.crt"), Path.Combine(certs, "admin.key"));
        WritePem(member, Path.Combine(certs, "member.crt"), Path.Combine(certs, "member.key"));
        WritePem(stranger, Path.Combine(certs, "stranger.crt"), Path.Combine(certs, "stranger.key"));
        var pushPort = FreePort();
        using var adapter = await AdapterProcess.StartAsync(_work,
        [
            "--tls-cert-file", Path.Combine(certs, "server.crt"), "--tls-private-key-file", Path.Combine(certs, "server.key"),
            "--client-ca-file", Path.Combine(certs, "ca.crt"), "--Push:Authentication=Required",
            "--requestheader-client-ca-file", Path.Combine(certs, "front-proxy-ca.crt"), "--requestheader-allowed-names", "front-proxy-client",
            $"--Grpc:Port={pushPort}", "--Grpc:ListenAddress=127.0.0.1",
            $"--Storage:DatabasePath={Path.Combine(_work, "samples.db")}", "--Staleness:MaxAge=00:05:00",
        ], FreePort(), insecureDisableAuth: false);
        var stubs = await PythonGrpcPushTests.GenerateStubsAsync(_work);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
            Python, [RepositoryPaths.Of("tests", "Autoscaler.E2E.Tests", "Adapter", "python", "push_client_tls.py"),
                     $"127.0.0.1:{pushPort}", stubs, Path.Combine(certs, "ca.crt"), certs, now.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TimeSpan.FromSeconds(90));

        Assert.True(exit == 0, $"python client failed ({exit}): {stderr}\nadapter log:\n{File.ReadAllText(adapter.LogPath)}");
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(("OK", 1), (result.GetProperty("admin").GetString(), result.GetProperty("admin_accepted").GetInt32()));
        Assert.Equal(3, result.GetProperty("admin_stream").GetInt32());
        Assert.Equal("SERVING", result.GetProperty("health").GetString());
        Assert.Equal("UNAVAILABLE", result.GetProperty("member").GetString());
        Assert.Contains("access review failed", result.GetProperty("member_detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", result.GetProperty("stranger").GetString());
        Assert.Contains("client CA", result.GetProperty("stranger_detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", result.GetProperty("anonymous").GetString());
        Assert.Equal("UNAVAILABLE", result.GetProperty("untrusted_server").GetString());
        Assert.NotEqual("OK", result.GetProperty("cleartext").GetString());
        Assert.Equal(("OK", 1), (result.GetProperty("after").GetString(), result.GetProperty("after_accepted").GetInt32()));

        // Read back through the HTTPS API as a client-CA identity in system:masters: only the allowed pushes are there.
        using var handler = new HttpClientHandler { ClientCertificates = { admin }, ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == server.Thumbprint };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{adapter.Port}/") };
        var body = await http.GetStringAsync("apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_length?labelSelector=queue%3Dorders");
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items");
        Assert.Equal("21", Assert.Single(items.EnumerateArray()).GetProperty("value").GetString());
    }

    internal static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }

    internal static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName("localhost");
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
        }

        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(2), RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }

    internal static void WritePem(X509Certificate2 certificate, string certPath, string? keyPath)
    {
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        if (keyPath is not null)
        {
            using var key = certificate.GetECDsaPrivateKey()!;
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        }
    }

    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
