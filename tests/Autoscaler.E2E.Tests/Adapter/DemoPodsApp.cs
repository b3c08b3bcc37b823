using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// A tiny application exposing a per-pod <c>http_requests_per_second{pod="NAME"}</c> gauge in Prometheus text format
/// on loopback: the load <see cref="Total"/> spread evenly over the pods it serves, as a load balancer in front
/// of a Deployment would, plus fixed values for pods outside it. Tests tell it which pods are running.
/// </summary>
internal sealed class DemoPodsApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private ImmutableSortedSet<string> _serving = [];
    private ImmutableDictionary<string, double> _fixed = ImmutableDictionary<string, double>.Empty;
    private long _totalBits = BitConverter.DoubleToInt64Bits(0);

    private DemoPodsApp(WebApplication app) => _app = app;

    public int Port { get; private set; }

    /// <summary>Requests per second over all serving pods.</summary>
    public double Total
    {
        get => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _totalBits));
        set => Interlocked.Exchange(ref _totalBits, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>The pods sharing <see cref="Total"/>.</summary>
    public IReadOnlySet<string> Serving
    {
        get => _serving;
        set => _serving = [.. value];
    }

    /// <summary>Exposes a fixed value for a pod that does not share the load (another app's pod).</summary>
    public void SetFixed(string pod, double value) => ImmutableInterlocked.AddOrUpdate(ref _fixed, pod, value, (_, _) => value);

    public static async Task<DemoPodsApp> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var demo = new DemoPodsApp(app);
        app.MapGet("/metrics", (HttpContext context) =>
        {
            var serving = demo._serving;
            var text = new StringBuilder("# HELP http_requests_per_second Requests served per second.\n# TYPE http_requests_per_second gauge\n");
            foreach (var pod in serving)
            {
                text.Append(CultureInfo.InvariantCulture, $"http_requests_per_second{{pod=\"{pod}\"}} {demo.Total / serving.Count}\n");
            }

            foreach (var (pod, value) in demo._fixed)
            {
                text.Append(CultureInfo.InvariantCulture, $"http_requests_per_second{{pod=\"{pod}\"}} {value}\n");
            }

            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            return context.Response.WriteAsync(text.ToString());
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
