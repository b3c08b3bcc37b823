using System.Net;
using Autoscaler.Kubernetes.Config;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Http;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Tests.Support;
using static Autoscaler.Kubernetes.Tests.Http.ScriptedHandler;

namespace Autoscaler.Kubernetes.Tests.Http;

public sealed class ApiConnectionTests
{
    private const string MapJson = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"m","namespace":"n"}}""";
    private readonly ManualTimeProvider _clock = new() { AutoAdvance = true };
    private readonly List<RetryNotice> _retries = [];

    private KubernetesClient Client(ScriptedHandler handler, int maxRetries = 10, string? tokenFile = null) => new(
        new KubernetesClientConfiguration { Server = new Uri("https://api.test:6443/prefix/"), Token = tokenFile is null ? "t0" : null, TokenFile = tokenFile },
        new KubernetesClientOptions { MaxRetries = maxRetries, OnRetry = _retries.Add, Random = new Random(3), Qps = 1000, Burst = 1000 },
        _clock, handler);

    [Fact]
    public async Task A_429_is_retried_after_the_servers_Retry_After_and_the_body_is_replayed()
    {
        var handler = new ScriptedHandler(Status(HttpStatusCode.TooManyRequests, "{}", retryAfter: 3), Status(HttpStatusCode.Created, MapJson));
        using var client = Client(handler);
        var created = await client.ConfigMaps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "m", Namespace = "n" } });
        Assert.Equal("m", created.Metadata.Name);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
        Assert.Equal("https://api.test:6443/prefix/api/v1/namespaces/n/configmaps", handler.Requests[0].Uri);
        var retry = Assert.Single(_retries);
        Assert.Equal((HttpStatusCode.TooManyRequests, true), (retry.StatusCode!.Value, retry.FromRetryAfter));
        Assert.InRange(retry.Delay, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4.5));
    }

    [Fact]
    public async Task Idempotent_5xx_backs_off_with_jitter_but_a_POST_5xx_without_Retry_After_is_not_repeated()
    {
        var get = new ScriptedHandler(Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.BadGateway), Status(HttpStatusCode.OK, MapJson));
        using (var client = Client(get))
        {
            await client.ConfigMaps.GetAsync("m", "n");
        }

        Assert.Equal(3, get.Requests.Count);
        Assert.All(_retries, r => Assert.False(r.FromRetryAfter));
        Assert.True(_retries[1].Delay > _retries[0].Delay / 2, "exponential back-off grows");

        var post = new ScriptedHandler(Status(HttpStatusCode.InternalServerError, """{"kind":"Status","reason":"InternalError","message":"boom","code":500}"""));
        using var poster = Client(post);
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => poster.ConfigMaps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "m", Namespace = "n" } }));
        Assert.Single(post.Requests);
        Assert.Equal("InternalError", e.Reason);
    }

    [Fact]
    public async Task Retries_stop_after_the_maximum_and_the_last_status_surfaces()
    {
        var handler = new ScriptedHandler(Status(HttpStatusCode.TooManyRequests, """{"kind":"Status","reason":"TooManyRequests","message":"slow down","code":429}""", retryAfter: 1));
        using var client = Client(handler, maxRetries: 3);
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => client.ConfigMaps.GetAsync("m", "n"));
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal("TooManyRequests", e.Reason);
    }

    [Fact]
    public async Task A_401_rereads_the_token_file_once()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("token", "old");
        var handler = new ScriptedHandler(
            r =>
            {
                File.WriteAllText(file, "new");
                return Status(HttpStatusCode.Unauthorized)(r);
            },
            Status(HttpStatusCode.OK, MapJson));
        using var client = Client(handler, tokenFile: file);
        await client.ConfigMaps.GetAsync("m", "n");
        Assert.Equal(new[] { "Bearer old", "Bearer new" }, handler.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Hpa_version_is_chosen_from_discovery()
    {
        var handler = new ScriptedHandler(Status(HttpStatusCode.OK, """{"kind":"APIGroup","name":"autoscaling","versions":[{"groupVersion":"autoscaling/v1","version":"v1"},{"groupVersion":"autoscaling/v2beta2","version":"v2beta2"}]}"""));
        using var client = Client(handler);
        var hpas = await client.HorizontalPodAutoscalersAsync();
        Assert.Equal("/apis/autoscaling/v2beta2/namespaces/shop/horizontalpodautoscalers", hpas.Resource.CollectionPath("shop"));
        Assert.Same(hpas, await client.HorizontalPodAutoscalersAsync());
    }
}
