using System.Net;
using System.Runtime.CompilerServices;
using Autoscaler.Kubernetes.Informers;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Kubernetes.Tests.Informers;

public sealed class InformerTests
{
    /// <summary>A scripted list+watch source: each list and each watch returns the next scripted answer.</summary>
    private sealed class ScriptedSource : IListWatchSource<V1ConfigMap>
    {
        public Queue<Func<ListSnapshot<V1ConfigMap>>> Lists { get; } = new();

        public Queue<Func<IEnumerable<(WatchEventType, V1ConfigMap)>>> Watches { get; } = new();

        public List<string> WatchedFrom { get; } = [];

        public Task<ListSnapshot<V1ConfigMap>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Lists.Dequeue()());

        public async IAsyncEnumerable<(WatchEventType Type, V1ConfigMap Object)> WatchAsync(
            string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            lock (WatchedFrom)
            {
                WatchedFrom.Add(resourceVersion);
            }

            if (!Watches.TryDequeue(out var next))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                yield break;
            }

            foreach (var e in next())
            {
                yield return e;
            }
        }
    }

    private static V1ConfigMap Map(string name, string rv) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", ResourceVersion = rv } };

    private static ListSnapshot<V1ConfigMap> List(string rv, params V1ConfigMap[] items) => new(items, rv);

    private static readonly KubernetesException Expired = new(new V1Status { Code = 410, Reason = "Expired", Message = "too old resource version: 1 (12)" });

    private static async Task RunUntilWatchedAsync(Informer<V1ConfigMap> informer, ScriptedSource source, int watches)
    {
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (source.WatchedFrom.Count < watches)
        {
            await Task.Delay(10, timeout.Token);
        }

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Expired_watch_relists_synthesizes_deletes_and_resumes_from_the_last_version()
    {
        var source = new ScriptedSource();
        source.Lists.Enqueue(() => List("10", Map("a", "5"), Map("b", "6")));
        source.Watches.Enqueue(() => [(WatchEventType.Modified, Map("a", "11")), (WatchEventType.Bookmark, new V1ConfigMap { Metadata = new V1ObjectMeta { ResourceVersion = "12" } })]);
        source.Watches.Enqueue(() => throw Expired);
        source.Lists.Enqueue(() => List("20", Map("a", "11"), Map("c", "19")));
        var log = new List<string>();
        var informer = new Informer<V1ConfigMap>(source);
        informer.Added += m => log.Add($"add {m.Metadata.Name}");
        informer.Updated += (o, n) => log.Add($"update {n.Metadata.Name} {o.Metadata.ResourceVersion}->{n.Metadata.ResourceVersion}");
        informer.Deleted += m => log.Add($"delete {m.Metadata.Name}");

        await RunUntilWatchedAsync(informer, source, 3);

        Assert.Equal(new[] { "10", "12", "20" }, source.WatchedFrom);
        Assert.Equal(2, informer.ListCount);
        Assert.Equal(
            new[] { "add a", "add b", "update a 5->11", "delete b", "update a 11->11", "add c" },
            log.Take(2).Order().Concat(log.Skip(2)).ToList());
        Assert.Equal(new[] { "ns/a", "ns/c" }, informer.List().Select(Informer<V1ConfigMap>.KeyOf).Order());
    }

    [Fact]
    public async Task A_410_answer_to_the_watch_request_also_relists_and_other_errors_back_off_and_rewatch()
    {
        var source = new ScriptedSource();
        var errors = new List<Exception>();
        source.Lists.Enqueue(() => List("1"));
        source.Watches.Enqueue(() => throw new HttpOperationException("gone")
        {
            Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.Gone), """{"kind":"Status","code":410,"reason":"Gone"}"""),
        });
        source.Lists.Enqueue(() => List("2", Map("x", "2")));
        source.Watches.Enqueue(() => throw new HttpRequestException("connection refused"));
        var informer = new Informer<V1ConfigMap>(source, new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(1), OnError = errors.Add });

        await RunUntilWatchedAsync(informer, source, 3);

        Assert.Equal(new[] { "1", "2", "2" }, source.WatchedFrom);
        Assert.IsType<HttpRequestException>(Assert.Single(errors));
        Assert.True(informer.TryGet("ns/x", out _));
    }
}
