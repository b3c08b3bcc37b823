using System.Net;
using System.Runtime.CompilerServices;
using Autoscaler.Kubernetes.Informers;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Kubernetes.Tests.Informers;

public sealed class KubernetesListWatchTests
{
    private static V1ConfigMap Map(string name) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns" } };

    private static V1ConfigMapList Page(string rv, string? next, params string[] names) =>
        new() { Metadata = new V1ListMeta { ResourceVersion = rv, ContinueProperty = next }, Items = names.Select(Map).ToList() };

    private static HttpOperationException Gone() => new("gone")
    {
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.Gone), """{"kind":"Status","code":410,"reason":"Expired"}"""),
    };

    private static async IAsyncEnumerable<(WatchEventType, V1ConfigMap)> Stream(
        Action<Exception> onError, Exception? errorAfterFirst, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        yield return (WatchEventType.Added, Map("first"));
        if (errorAfterFirst is not null)
        {
            // What KubernetesClient does with an ERROR event: hands its Status to onError and reads on until the server closes.
            onError(errorAfterFirst);
        }

        yield return (WatchEventType.Added, Map("second"));
    }

    [Fact]
    public async Task Lists_every_page_and_restarts_when_a_continue_token_expires()
    {
        var requests = new List<string?>();
        var answers = new Queue<Func<V1ConfigMapList>>([
            () => Page("5", "c1", "a"),
            () => throw Gone(),
            () => Page("9", "c2", "a"),
            () => Page("9", "c3", "b"),
            () => Page("9", null, "c"),
        ]);
        var source = new KubernetesListWatch<V1ConfigMap, V1ConfigMapList>(
            (page, _) =>
            {
                requests.Add(page.Continue);
                Assert.Equal(2, page.Limit);
                return Task.FromResult(answers.Dequeue()());
            },
            (_, onError, ct) => Stream(onError, null, ct),
            pageSize: 2);

        var list = await source.ListAsync(CancellationToken.None);

        Assert.Equal(new[] { null, "c1", null, "c2", "c3" }, requests);
        Assert.Equal("9", list.ResourceVersion);
        Assert.Equal(new[] { "a", "b", "c" }, list.Items.Select(m => m.Metadata.Name));
    }

    [Fact]
    public async Task An_error_event_ends_the_watch_and_is_thrown_after_the_events_before_it()
    {
        var expired = new KubernetesException(new V1Status { Code = 410, Reason = "Expired" });
        WatchRequest? asked = null;
        var source = new KubernetesListWatch<V1ConfigMap, V1ConfigMapList>(
            (_, _) => Task.FromResult(Page("1", null)),
            (request, onError, ct) =>
            {
                asked = request;
                return Stream(onError, expired, ct);
            });
        var seen = new List<string>();

        var thrown = await Assert.ThrowsAsync<KubernetesException>(async () =>
        {
            await foreach (var (_, map) in source.WatchAsync("42", 300, CancellationToken.None))
            {
                seen.Add(map.Metadata.Name);
            }
        });

        Assert.Same(expired, thrown);
        Assert.True(ApiErrors.IsGone(thrown));
        Assert.Equal(new[] { "first" }, seen);
        Assert.Equal(new WatchRequest("42", 300), asked);
    }
}
