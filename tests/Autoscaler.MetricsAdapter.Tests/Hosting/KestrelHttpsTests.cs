using System.Net;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Providers.InMemory;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Autoscaler.MetricsAdapter.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Tests.Hosting;

/// <summary>The real Kestrel HTTPS listener on loopback: TLS, ALPN h2, and a front-proxy client certificate over the wire.</summary>
public sealed class KestrelHttpsTests
{
    [Fact]
    public async Task ServesOverHttp2WithAClientCertificateOnTheWire()
    {
        var options = new AdapterOptions { BindAddress = "127.0.0.1", SecurePort = FreePort() };
        var source = new InMemoryMetricsProvider();
        source.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = "orders" }, Quantity.FromDouble(40), AdapterTestHost.Start);
        var certs = TestCertificates.Instance;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAuthenticationTrustSource>(new StaticTrustSource(new RequestHeaderTrust(
            [certs.Ca], ["front-proxy-client"], RequestHeaderTrust.DefaultUsernameHeaders, RequestHeaderTrust.DefaultGroupHeaders, RequestHeaderTrust.DefaultExtraPrefixes, [], [], 1)));
        builder.Services.AddSingleton<IAccessReviewer>(new FakeReviewers());
        builder.Services.AddMetricSource(source);
        builder.Services.AddAdapterServices(options);
        builder.WebHost.ConfigureKestrel(k => AdapterHost.ConfigureKestrel(k, options, k.ApplicationServices.GetRequiredService<ServingCertificate>()));
        await using var app = builder.Build();
        AdapterHost.PrepareCertificate(app.Services, options);
        app.UseAdapterPipeline();
        await app.StartAsync();

        var served = app.Services.GetRequiredService<ServingCertificate>().Current!;
        using var handler = new HttpClientHandler
        {
            ClientCertificates = { certs.FrontProxyClient },
            ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == served.Thumbprint,
        };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{options.SecurePort}"), DefaultRequestVersion = HttpVersion.Version20 };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_length?labelSelector=queue%3Dorders") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Headers.Add("X-Remote-User", "system:kube-aggregator");
        request.Headers.Add("X-Remote-Group", "system:masters");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = client.BaseAddress };
        var anonymousStatus = (await anonymous.GetAsync("/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_length")).StatusCode;
        var ready = await anonymous.GetStringAsync("/readyz");
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Contains("\"value\":\"40\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousStatus);
        Assert.Equal("ok", ready);
    }

    private static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
