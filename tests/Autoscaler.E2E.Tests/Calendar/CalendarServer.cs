using System.Net;
using System.Net.Sockets;
using Autoscaler.Calendar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>The real calendar app (Kestrel on a free loopback port) connected to the control plane with the admin kubeconfig as its service identity.</summary>
internal sealed class CalendarServer : IAsyncDisposable
{
    public const string Secret = "e2e-proxy-secret-0123456789";

    private readonly WebApplication _app;

    private CalendarServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <param name="settings">Calendar settings beside the namespace and the proxy secret (history source, forecaster).</param>
    public static async Task<CalendarServer> StartAsync(string kubeconfig, string ns, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.GetDirectoryName(CalendarCluster.FindRepoFile("src/Autoscaler.Calendar/Program.cs"))!,
            WebRootPath = Path.GetDirectoryName(CalendarCluster.FindRepoFile("src/Autoscaler.Calendar/wwwroot/index.html"))!,
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration["Calendar:Namespaces:0"] = ns;
        builder.Configuration["Calendar:Auth:SharedSecret"] = Secret;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        Environment.SetEnvironmentVariable("KUBECONFIG", kubeconfig);
        CalendarApp.AddServices(builder);
        var app = builder.Build();
        CalendarApp.Configure(app);
        await app.StartAsync();
        return new CalendarServer(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
