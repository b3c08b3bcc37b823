using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Keda;
using Autoscaler.MetricsAdapter.Sources.Prometheus;
using Autoscaler.MetricsAdapter.Sources.Push;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>The adapter's sources on a real Kestrel: cleartext HTTP/2 on a loopback port chosen by the OS.</summary>
internal sealed class SourcesTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SourcesTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SourcesTestHost> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddPushSource(builder.Configuration);
        builder.Services.AddPrometheusSource(builder.Configuration);
        if (builder.Configuration.GetValue("Push:Enabled", defaultValue: true))
        {
            builder.Services.AddKedaExternalScaler();
        }
        var app = builder.Build();
        app.UseRouting();
        app.MapAutoscalerGrpc();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SourcesTestHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
