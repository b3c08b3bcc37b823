using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Autoscaler.MetricsAdapter.Tls;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>
/// The adapter composed as <c>Program.cs</c> composes it (adapter services, certificate files and their reloader, the
/// sources with the push listener, the pipeline) on real Kestrel loopback ports, with push authentication required,
/// scripted reviewers and a client CA (<see cref="TestCertificates.OtherCa"/>; the front-proxy CA is
/// <see cref="TestCertificates.Ca"/>). The serving certificate is a generated pair written to files, so
/// <c>Grpc:Tls=Auto</c> resolves to TLS as it does in the shipped Deployment.
/// </summary>
internal sealed class PushTlsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PushTlsHost(WebApplication app, int securePort, int pushPort, string work, FakeReviewers reviewers)
    {
        _app = app;
        SecurePort = securePort;
        PushPort = pushPort;
        WorkDirectory = work;
        Reviewers = reviewers;
    }

    public int PushPort { get; }

    /// <summary>The HTTPS port of the metrics API.</summary>
    public int SecurePort { get; }

    public string WorkDirectory { get; }

    public FakeReviewers Reviewers { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The certificate the adapter serves right now.</summary>
    public X509Certificate2 Served => _app.Services.GetRequiredService<ServingCertificate>().Current!;

    public ISampleStore Store => _app.Services.GetRequiredService<ISampleStore>();

    /// <param name="settings">Extra configuration (for example <c>Grpc:ClientCertificate=Require</c>).</param>
    public static Task<PushTlsHost> StartAsync(params (string Key, string Value)[] settings) => StartAsync(_ => { }, settings);

    /// <param name="configure">Changes to the adapter's options (for example the review caches' TTLs).</param>
    /// <param name="settings">Extra configuration.</param>
    public static async Task<PushTlsHost> StartAsync(Action<AdapterOptions> configure, params (string Key, string Value)[] settings)
    {
        var work = Directory.CreateTempSubdirectory("push-tls-").FullName;
        var certs = TestCertificates.Instance;
        var serving = SelfSignedCertificateFactory.Create(["localhost", "127.0.0.1"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        SelfSignedCertificateFactory.WritePem(serving, Path.Combine(work, "tls.crt"), Path.Combine(work, "tls.key"));
        var options = new AdapterOptions
        {
            BindAddress = "127.0.0.1",
            SecurePort = FreePort(),
            TlsCertFile = Path.Combine(work, "tls.crt"),
            TlsPrivateKeyFile = Path.Combine(work, "tls.key"),
        };
        configure(options);
        var pushPort = FreePort();
        var reviewers = new FakeReviewers();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grpc:Port"] = pushPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Grpc:ListenAddress"] = "127.0.0.1",
            ["Storage:DatabasePath"] = ":memory:",
            ["Push:Authentication"] = "Required",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton<IAuthenticationTrustSource>(new StaticTrustSource(new RequestHeaderTrust(
            [certs.Ca], ["front-proxy-client"], RequestHeaderTrust.DefaultUsernameHeaders, RequestHeaderTrust.DefaultGroupHeaders,
            RequestHeaderTrust.DefaultExtraPrefixes, [], [certs.OtherCa], 1)));
        builder.Services.AddSingleton<ITokenReviewer>(reviewers);
        builder.Services.AddSingleton<IAccessReviewer>(reviewers);
        builder.Services.AddAdapterServices(options);
        AdapterHost.AddCertificateReloading(builder.Services, options);
        SourceComposition.AddSources(builder);
        builder.WebHost.ConfigureKestrel(k => AdapterHost.ConfigureKestrel(k, options, k.ApplicationServices.GetRequiredService<ServingCertificate>()));
        var app = builder.Build();
        AdapterHost.PrepareCertificate(app.Services, options);
        app.UseAdapterPipeline();
        await app.StartAsync();
        return new PushTlsHost(app, options.SecurePort, pushPort, work, reviewers);
    }

    /// <summary>A TLS channel to the push port that trusts exactly <paramref name="trusted"/> (default: the served
    /// certificate) and presents <paramref name="clientCertificate"/>.</summary>
    public GrpcChannel TlsChannel(X509Certificate2? clientCertificate, X509Certificate2? trusted = null)
    {
        var served = trusted ?? Served;
        var ssl = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == served.GetCertHashString(),
        };
        if (clientCertificate is not null)
        {
            ssl.ClientCertificates = [clientCertificate];
        }

        return GrpcChannel.ForAddress($"https://127.0.0.1:{PushPort}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { SslOptions = ssl, ConnectTimeout = TimeSpan.FromSeconds(10) },
        });
    }

    /// <summary>Pushes one sample of <c>queue_length</c>; returns the status code and, when OK, the accepted count.</summary>
    public static async Task<(StatusCode Code, string Detail, uint Accepted)> PushAsync(GrpcChannel channel, string ns, string? bearerToken = null)
    {
        var headers = new Metadata();
        if (bearerToken is not null)
        {
            headers.Add("authorization", "Bearer " + bearerToken);
        }

        var request = new PushRequest { Namespace = ns };
        request.Samples.Add(new Sample { Name = "queue_length", Value = 7, TimestampUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        try
        {
            var reply = await new MetricsPush.MetricsPushClient(channel).PushAsync(request, headers, deadline: DateTime.UtcNow.AddSeconds(20));
            return (StatusCode.OK, string.Empty, reply.Accepted);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail, 0);
        }
    }

    /// <summary>The thumbprint of the certificate a TLS handshake on <paramref name="port"/> is served with (ALPN h2).</summary>
    public static async Task<string> PresentedAsync(int port)
    {
        string? seen = null;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var ssl = new SslStream(tcp.GetStream());
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ApplicationProtocols = [SslApplicationProtocol.Http2],
            RemoteCertificateValidationCallback = (_, c, _, _) => (seen = c?.GetCertHashString()) is not null,
        });
        Assert.Equal(SslApplicationProtocol.Http2, ssl.NegotiatedApplicationProtocol);
        return seen!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(WorkDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
