// Load-test host for benchmarks/adapter/run.sh: on loopback only, it serves
//   port A: the full adapter stack (HTTPS, bearer-token authentication and SubjectAccessReview through
//           their caches, routing, selector parsing, the composite provider, JSON) over an in-memory source;
//   port B: a minimal Kestrel HTTPS endpoint returning the same response bytes, as the in-run baseline.
// The reviewers answer in-process: the benchmark measures the cached steady state the HPA sees, not the apiserver.
using System.Net;
using System.Security.Authentication;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Providers.InMemory;
using Autoscaler.MetricsAdapter.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 18443;
var baselinePort = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 18444;
const string Path = "/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_length";
const string Query = "?labelSelector=queue%3Dorders";

var source = new InMemoryMetricsProvider("bench");
var now = DateTimeOffset.UtcNow;
foreach (var queue in new[] { "orders", "mail", "sms", "billing" })
{
    source.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = queue }, Quantity.FromDouble(42.5), now);
}

var options = new AdapterOptions { BindAddress = "127.0.0.1", SecurePort = port };
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.Services.AddSingleton<IAuthenticationTrustSource>(new StaticTrustSource(new RequestHeaderTrust([], [], RequestHeaderTrust.DefaultUsernameHeaders, RequestHeaderTrust.DefaultGroupHeaders, RequestHeaderTrust.DefaultExtraPrefixes, [], [], 1)));
builder.Services.AddSingleton<ITokenReviewer>(new BenchReviewer());
builder.Services.AddSingleton<IAccessReviewer>(new BenchReviewer());
builder.Services.AddMetricSource(source);
builder.Services.AddAdapterServices(options);
builder.WebHost.ConfigureKestrel(k => AdapterHost.ConfigureKestrel(k, options, k.ApplicationServices.GetRequiredService<ServingCertificate>()));
await using var adapter = builder.Build();
AdapterHost.PrepareCertificate(adapter.Services, options);
adapter.UseAdapterPipeline();
await adapter.StartAsync();

// Capture the exact bytes the adapter answers, then serve them from a bare endpoint with the same certificate.
var certificate = adapter.Services.GetRequiredService<ServingCertificate>().Current!;
using var probe = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
probe.DefaultRequestHeaders.Add("Authorization", "Bearer bench");
var bytes = await probe.GetByteArrayAsync(new Uri($"https://127.0.0.1:{port}{Path}{Query}"));

var baseline = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
baseline.Logging.ClearProviders();
baseline.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Listen(IPAddress.Loopback, baselinePort, l =>
    {
        l.Protocols = HttpProtocols.Http1AndHttp2;
        l.UseHttps(new Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions { ServerCertificate = certificate, SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 });
    });
});
await using var bare = baseline.Build();
bare.Run(c =>
{
    c.Response.ContentType = "application/json";
    return c.Response.Body.WriteAsync(bytes, c.RequestAborted).AsTask();
});
await bare.StartAsync();
Console.WriteLine($"ready adapter=https://127.0.0.1:{port}{Path}{Query} baseline=https://127.0.0.1:{baselinePort}{Path}{Query} bytes={bytes.Length}");
Console.Out.Flush();

// Runs until stdin closes or a bounded time passes, so a forgotten host never lingers.
var stop = Task.Run(() => Console.In.ReadToEnd());
await Task.WhenAny(stop, Task.Delay(TimeSpan.FromMinutes(10)));
await adapter.StopAsync();
await bare.StopAsync();

/// <summary>Answers every review positively and instantly (the adapter caches the answer anyway).</summary>
internal sealed class BenchReviewer : ITokenReviewer, IAccessReviewer
{
    public Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(new TokenReviewOutcome(true, AuthenticatedUser.Create("system:serviceaccount:kube-system:horizontal-pod-autoscaler", "uid", ["system:serviceaccounts"], null), string.Empty));

    public Task<AccessDecision> ReviewAsync(AuthenticatedUser user, RequestAttributes attributes, CancellationToken cancellationToken) =>
        Task.FromResult(new AccessDecision(true, string.Empty));
}
