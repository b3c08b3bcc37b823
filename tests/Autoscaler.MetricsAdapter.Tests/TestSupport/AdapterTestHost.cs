using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Providers.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Tests.TestSupport;

/// <summary>The real adapter pipeline on an in-process TestServer, with an in-memory source, scripted reviewers and a test CA.</summary>
internal sealed class AdapterTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private AdapterTestHost(WebApplication app, InMemoryMetricsProvider source, FakeReviewers reviewers, StaticTrustSource trust, FakeTimeProvider clock)
    {
        App = app;
        Source = source;
        Reviewers = reviewers;
        Trust = trust;
        Clock = clock;
    }

    public WebApplication App { get; }

    public InMemoryMetricsProvider Source { get; }

    public FakeReviewers Reviewers { get; }

    public StaticTrustSource Trust { get; }

    public FakeTimeProvider Clock { get; }

    public TestServer Server => App.GetTestServer();

    public static async Task<AdapterTestHost> StartAsync(Action<AdapterOptions>? configure = null, bool withSource = true, Action<IServiceCollection>? services = null)
    {
        var options = new AdapterOptions();
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var source = new InMemoryMetricsProvider("memory");
        var reviewers = new FakeReviewers();
        var certs = TestCertificates.Instance;
        var trust = new StaticTrustSource(new RequestHeaderTrust(
            [certs.Ca], ["front-proxy-client"], RequestHeaderTrust.DefaultUsernameHeaders, RequestHeaderTrust.DefaultGroupHeaders,
            RequestHeaderTrust.DefaultExtraPrefixes, ["X-Remote-Uid"], [certs.OtherCa], 1));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IAuthenticationTrustSource>(trust);
        builder.Services.AddSingleton<ITokenReviewer>(reviewers);
        builder.Services.AddSingleton<IAccessReviewer>(reviewers);
        if (withSource)
        {
            builder.Services.AddMetricSource(source);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddAdapterServices(options);
        var app = builder.Build();
        AdapterHost.PrepareCertificate(app.Services, options);
        app.UseAdapterPipeline();
        await app.StartAsync();
        return new AdapterTestHost(app, source, reviewers, trust, clock);
    }

    /// <summary>Sends a request as the aggregator would (front-proxy certificate + X-Remote-* headers) unless told otherwise.</summary>
    public async Task<TestResponse> SendAsync(
        string pathAndQuery,
        X509Certificate2? certificate = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null,
        string method = "GET",
        long? contentLength = null)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = PathString.FromUriComponent(q < 0 ? pathAndQuery : pathAndQuery[..q]);
            c.Request.QueryString = q < 0 ? QueryString.Empty : QueryString.FromUriComponent(pathAndQuery[q..]);
            c.Connection.ClientCertificate = certificate;
            foreach (var (k, v) in headers ?? [])
            {
                c.Request.Headers.Append(k, v);
            }

            if (contentLength is { } length)
            {
                c.Request.ContentLength = length;
            }
        });
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return new TestResponse(context.Response.StatusCode, context.Response.ContentType ?? string.Empty, body, context.Response.Headers.RetryAfter.ToString());
    }

    /// <summary>A request from the HPA's identity through the front proxy.</summary>
    public Task<TestResponse> AsHpaAsync(string pathAndQuery, string user = "system:serviceaccount:kube-system:horizontal-pod-autoscaler") =>
        SendAsync(pathAndQuery, TestCertificates.Instance.FrontProxyClient, [new("X-Remote-User", user), new("X-Remote-Group", "system:serviceaccounts"), new("X-Remote-Group", "system:authenticated")]);

    /// <summary>A request as a system:masters member (no SubjectAccessReview needed).</summary>
    public Task<TestResponse> AsAdminAsync(string pathAndQuery, string method = "GET", string? accept = null)
    {
        var headers = new List<KeyValuePair<string, string>> { new("X-Remote-User", "admin"), new("X-Remote-Group", "system:masters") };
        if (accept is not null)
        {
            headers.Add(new("Accept", accept));
        }

        return SendAsync(pathAndQuery, TestCertificates.Instance.FrontProxyClient, headers, method);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>A response read in full.</summary>
internal sealed record TestResponse(int Status, string ContentType, string Body, string RetryAfter)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
