using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>A scrape target on loopback exposing gauges (name → value) in Prometheus text format; values can change while it runs.</summary>
internal sealed class LiveLoadTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, double> _gauges = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private LiveLoadTarget(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public void Set(string gauge, double value)
    {
        lock (_lock)
        {
            _gauges[gauge] = value;
        }
    }

    public static async Task<LiveLoadTarget> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new LiveLoadTarget(app);
        app.MapGet("/metrics", (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            string text;
            lock (target._lock)
            {
                text = string.Concat(target._gauges.Select(g => $"# TYPE {g.Key} gauge\n{g.Key} {g.Value.ToString(CultureInfo.InvariantCulture)}\n"));
            }

            return context.Response.WriteAsync(text);
        });
        await app.StartAsync();
        target.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
