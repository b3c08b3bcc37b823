using System.Text.Json;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// KEDA's external scaler on the adapter program's TLS gRPC port, driven by Debian's python3-grpcio the way KEDA dials
/// an external scaler (<c>caCert</c>, <c>tlsClientCert</c>, <c>tlsClientKey</c> → <c>grpc.ssl_channel_credentials</c>),
/// with the gRPC port's own certificate (<c>Grpc:CertificateFile</c>, from another CA than the serving certificate) and
/// <c>Keda:Authentication=Required</c> (issue #15). No cluster: a client-CA certificate in <c>system:masters</c> reads
/// without a SubjectAccessReview (as the Go authorizer allows), one in another group reaches the review, which cannot be
/// made here (UNAVAILABLE, never an allow); the per-namespace review itself is unit-tested with scripted reviewers
/// (<c>KedaTlsAuthorizationTests</c>). Also the program's start-up checks of the gRPC certificate files (exit 2 naming
/// the setting). Needs <c>python3-grpcio python3-grpc-tools python3-protobuf</c>; no control plane.
/// </summary>
[Trait("Category", "Adapter")]
public sealed class PythonKedaTlsTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _work = Directory.CreateTempSubdirectory("adapter-keda-tls-e2e-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Python_grpcio_with_keda_style_tls_credentials_reads_a_pushed_metric_and_untrusted_or_cleartext_clients_fail()
    {
        var certs = WriteCertificates();
        var grpcPort = PythonGrpcTlsPushTests.FreePort();
        using var adapter = await AdapterProcess.StartAsync(_work,
        [
            .. CommonArguments(certs, grpcPort),
            "--Grpc:CertificateFile", Path.Combine(certs, "grpc.crt"), "--Grpc:PrivateKeyFile", Path.Combine(certs, "grpc.key"),
        ], PythonGrpcTlsPushTests.FreePort(), insecureDisableAuth: false);
        var stubs = await PythonGrpcPushTests.GenerateStubsAsync(_work);

        var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
            Python, [RepositoryPaths.Of("tests", "Autoscaler.E2E.Tests", "Adapter", "python", "keda_client_tls.py"),
                     $"127.0.0.1:{grpcPort}", stubs, Path.Combine(certs, "grpc-ca.crt"), Path.Combine(certs, "serving-ca.crt"), certs],
            TimeSpan.FromSeconds(120));

        Assert.True(exit == 0, $"python client failed ({exit}): {stderr}\nadapter log:\n{File.ReadAllText(adapter.LogPath)}");
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(1, result.GetProperty("pushed").GetInt32());
        Assert.Equal("[\"queue_length\",5,5.0]", result.GetProperty("spec").GetRawText());
        Assert.Equal("[\"queue_length\",12,12.0]", result.GetProperty("metrics").GetRawText());
        Assert.True(result.GetProperty("active").GetBoolean());
        Assert.False(result.GetProperty("inactive_above_100").GetBoolean());
        Assert.Equal("NOT_FOUND", result.GetProperty("unknown_metric").GetString());
        Assert.Equal("[true,false]", result.GetProperty("stream").GetRawText());
        Assert.Equal("UNAVAILABLE", result.GetProperty("member").GetString());
        Assert.Contains("unable to authorize the KEDA read: access review failed", result.GetProperty("member_detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", result.GetProperty("stranger").GetString());
        Assert.Contains("client CA", result.GetProperty("stranger_detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", result.GetProperty("anonymous").GetString());
        Assert.Contains("no credentials", result.GetProperty("anonymous_detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNAVAILABLE", result.GetProperty("untrusting").GetString());
        Assert.NotEqual("OK", result.GetProperty("cleartext").GetString());
        Assert.Equal(4.0, result.GetProperty("after").GetDouble());
        Assert.Contains("with its own certificate (Grpc:CertificateFile)", File.ReadAllText(adapter.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_exits_2_naming_the_setting_for_a_missing_grpc_certificate_file_or_a_key_that_does_not_match()
    {
        var certs = WriteCertificates();
        string[] program = [Path.Combine(AppContext.BaseDirectory, "Autoscaler.MetricsAdapter.dll"), "--secure-port", PythonGrpcTlsPushTests.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                            "--bind-address", "127.0.0.1", "--authentication-skip-lookup"];

        var missing = await ExternalProcess.RunAsync("dotnet",
            [.. program, .. CommonArguments(certs, PythonGrpcTlsPushTests.FreePort()),
             "--Grpc:CertificateFile", Path.Combine(certs, "absent.crt"), "--Grpc:PrivateKeyFile", Path.Combine(certs, "grpc.key")],
            TimeSpan.FromSeconds(60));
        var mismatch = await ExternalProcess.RunAsync("dotnet",
            [.. program, .. CommonArguments(certs, PythonGrpcTlsPushTests.FreePort()),
             "--Grpc:CertificateFile", Path.Combine(certs, "grpc.crt"), "--Grpc:PrivateKeyFile", Path.Combine(certs, "server.key")],
            TimeSpan.FromSeconds(60));

        Assert.True(missing.ExitCode == 2, $"exit {missing.ExitCode}: {missing.Stderr}");
        Assert.Contains($"error: Grpc:CertificateFile: file \"{Path.Combine(certs, "absent.crt")}\" does not exist", missing.Stderr, StringComparison.Ordinal);
        Assert.True(mismatch.ExitCode == 2, $"exit {mismatch.ExitCode}: {mismatch.Stderr}");
        Assert.Contains("error: Grpc:CertificateFile/Grpc:PrivateKeyFile: cannot load TLS certificate", mismatch.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not match", mismatch.Stderr, StringComparison.Ordinal);
    }

    private string[] CommonArguments(string certs, int grpcPort) =>
    [
        "--tls-cert-file", Path.Combine(certs, "server.crt"), "--tls-private-key-file", Path.Combine(certs, "server.key"),
        "--client-ca-file", Path.Combine(certs, "client-ca.crt"), "--Push:Authentication=Required", "--Keda:Authentication=Required",
        "--requestheader-client-ca-file", Path.Combine(certs, "front-proxy-ca.crt"), "--requestheader-allowed-names", "front-proxy-client",
        $"--Grpc:Port={grpcPort}", "--Grpc:ListenAddress=127.0.0.1", "--Keda:StreamIsActiveInterval=00:00:00.200",
        $"--Storage:DatabasePath={Path.Combine(_work, "samples.db")}", "--Staleness:MaxAge=00:05:00",
    ];

    /// <summary>Serving certificate from one CA, the gRPC port's from another, client certificates from the client CA
    /// (KEDA's in <c>system:masters</c>, a member of another group) and from a CA nobody trusts.</summary>
    private string WriteCertificates()
    {
        var certs = Path.Combine(_work, "certs");
        Directory.CreateDirectory(certs);
        using var servingCa = PythonGrpcTlsPushTests.CreateCa("serving-ca");
        using var grpcCa = PythonGrpcTlsPushTests.CreateCa("grpc-ca");
        using var clientCa = PythonGrpcTlsPushTests.CreateCa("client-ca");
        using var strangerCa = PythonGrpcTlsPushTests.CreateCa("stranger-ca");
        using var frontProxyCa = PythonGrpcTlsPushTests.CreateCa("front-proxy-ca");
        foreach (var (ca, name) in new[] { (servingCa, "serving-ca"), (grpcCa, "grpc-ca"), (clientCa, "client-ca"), (frontProxyCa, "front-proxy-ca") })
        {
            PythonGrpcTlsPushTests.WritePem(ca, Path.Combine(certs, name + ".crt"), null);
        }

        foreach (var (issuer, subject, serverAuth, name) in new[]
                 {
                     (servingCa, "CN=localhost", true, "server"),
                     (grpcCa, "CN=localhost", true, "grpc"),
                     (clientCa, "CN=keda-operator, O=system:masters", false, "keda"),
                     (clientCa, "CN=keda-member, O=keda", false, "member"),
                     (strangerCa, "CN=keda-operator, O=system:masters", false, "stranger"),
                 })
        {
            using var issued = PythonGrpcTlsPushTests.Issue(issuer, subject, serverAuth);
            PythonGrpcTlsPushTests.WritePem(issued, Path.Combine(certs, name + ".crt"), Path.Combine(certs, name + ".key"));
        }

        return certs;
    }
}
