using System.Net;
using Autoscaler.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Tests.Informers;

public sealed class CustomObjectListWatchTests
{
    /// <summary>Answers every request itself (never calls the inner handler) and records the URIs.</summary>
    private sealed class Answerer(Func<HttpRequestMessage, string> body) : DelegatingHandler
    {
        public List<string> Uris { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!.PathAndQuery);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body(request)), RequestMessage = request });
        }
    }

    private const string Hpa = """{"apiVersion":"autoscaling/v2beta2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web","namespace":"ns","resourceVersion":"7"},"spec":{"minReplicas":3,"maxReplicas":9}}""";

    [Fact]
    public async Task Lists_and_watches_one_namespace_through_the_group_path_and_types_the_watched_objects()
    {
        var peer = new Answerer(r => r.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal)
            ? $$"""{"type":"MODIFIED","object":{{Hpa}}}""" + "\n"
            : $$"""{"apiVersion":"autoscaling/v2beta2","kind":"HorizontalPodAutoscalerList","metadata":{"resourceVersion":"7"},"items":[{{Hpa}}]}""");
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://apiserver.invalid" }, peer);
        var source = CustomObjectListWatch.Create<V2HorizontalPodAutoscaler, V2HorizontalPodAutoscalerList>(client, "autoscaling", "v2beta2", "horizontalpodautoscalers", "ns");

        var list = await source.ListAsync(CancellationToken.None);
        var events = new List<(WatchEventType Type, V2HorizontalPodAutoscaler Object)>();
        await foreach (var e in source.WatchAsync("7", 300, CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal("7", list.ResourceVersion);
        Assert.Equal(3, Assert.Single(list.Items).Spec.MinReplicas);
        var (type, hpa) = Assert.Single(events);
        Assert.Equal(WatchEventType.Modified, type);
        Assert.Equal(9, hpa.Spec.MaxReplicas);
        Assert.All(peer.Uris, u => Assert.StartsWith("/apis/autoscaling/v2beta2/namespaces/ns/horizontalpodautoscalers", u, StringComparison.Ordinal));
        Assert.Contains("allowWatchBookmarks=true", peer.Uris[1], StringComparison.Ordinal);
    }
}
