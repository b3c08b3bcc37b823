using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoscaler.E2E.Tests.Fixtures;

/// <summary>
/// A scrape target on loopback (a free port): <c>GET /metrics</c> answers what <c>exposition</c> returns at that
/// moment, as Prometheus text format 0.0.4. The e2e tests' demo applications supply only their exposition.
/// </summary>
internal sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsEndpoint(WebApplication app, int port) => (_app, Port) = (app, port);

    /// <summary>The loopback port Prometheus scrapes.</summary>
    public int Port { get; }

    /// <summary>Starts the endpoint; <paramref name="exposition"/> is called on every scrape.</summary>
    public static async Task<MetricsEndpoint> StartAsync(Func<string> exposition)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/metrics", (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            return context.Response.WriteAsync(exposition());
        });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return new MetricsEndpoint(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
