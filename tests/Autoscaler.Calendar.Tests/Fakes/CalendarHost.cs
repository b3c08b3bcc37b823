using System.Net.Http.Json;
using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Hosting;
using Autoscaler.Calendar.Preview;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Calendar.Tests.Fakes;

/// <summary>The calendar app in-process (TestServer) over fake seams, with helpers for proxied users.</summary>
public sealed class CalendarHost : IAsyncDisposable
{
    public const string Secret = "proxy-secret-0123456789";
    public const string Ns = "shop";

    private CalendarHost(WebApplication app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryEventStore Store => (InMemoryEventStore)App.Services.GetRequiredService<IScalingEventStore>();

    public FakeRbac Rbac => (FakeRbac)App.Services.GetRequiredService<IAccessReview>();

    public static readonly Workload Checkout = new(Ns, "checkout", "Checkout", 2, 40, 3, 100, null);

    public static async Task<CalendarHost> StartAsync(
        DateTimeOffset now, IHistorySourceFactory? history = null, string? localUser = null, IReadOnlyDictionary<string, string>? settings = null, params Workload[] workloads)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Calendar:Namespaces:0"] = Ns;
        builder.Configuration["Calendar:Auth:SharedSecret"] = Secret;
        if (localUser is not null) builder.Configuration["Calendar:Auth:LocalUser"] = localUser;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.Configuration[key] = value;
        builder.Configuration["Calendar:Forecaster"] = "seasonal-naive:1d";
        builder.Configuration["Calendar:HistoryWindow"] = "9d";
        var time = new FakeTimeProvider(now);
        var rbac = new FakeRbac();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IScalingEventStore>(new InMemoryEventStore());
        builder.Services.AddSingleton<IAccessReview>(rbac);
        builder.Services.AddSingleton<ITokenReviewer>(rbac);
        builder.Services.AddSingleton<IWorkloadCatalog>(new FakeWorkloads(workloads.Length > 0 ? workloads : [Checkout]));
        builder.Services.AddSingleton(history ?? new InMemoryHistory(400, 200));
        CalendarApp.AddServices(builder);
        var app = builder.Build();
        CalendarApp.Configure(app);
        await app.StartAsync();
        return new CalendarHost(app, time);
    }

    /// <summary>A client that comes through the proxy as <paramref name="user"/>, with a CSRF token for that user.</summary>
    public async Task<HttpClient> ProxiedAsync(string user, bool csrf = true, string secret = Secret)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Remote-User", user);
        client.DefaultRequestHeaders.Add("X-Remote-Group", "pm");
        client.DefaultRequestHeaders.Add("X-Proxy-Secret", secret);
        if (!csrf) return client;
        var response = await client.GetAsync(new Uri("/api/antiforgery", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        var cookie = response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", body!.Token);
        return client;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    private sealed record TokenBody(string Token);
}
