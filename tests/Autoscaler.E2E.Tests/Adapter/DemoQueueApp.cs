using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>A tiny application exposing a queue-length gauge in Prometheus text format on loopback.</summary>
internal sealed class DemoQueueApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _queueLengthBits = BitConverter.DoubleToInt64Bits(0);

    private DemoQueueApp(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public double QueueLength
    {
        get => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _queueLengthBits));
        set => Interlocked.Exchange(ref _queueLengthBits, BitConverter.DoubleToInt64Bits(value));
    }

    public static async Task<DemoQueueApp> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var demo = new DemoQueueApp(app);
        app.MapGet("/metrics", (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            return context.Response.WriteAsync(
                "# HELP queue_length Messages waiting in the queue.\n# TYPE queue_length gauge\n" +
                $"queue_length{{queue=\"orders\"}} {demo.QueueLength.ToString(CultureInfo.InvariantCulture)}\n");
        });
        await app.StartAsync();
        demo.Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return demo;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
