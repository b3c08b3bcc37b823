using System.Runtime.CompilerServices;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Informers;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.Kubernetes.Tests.Informers;

public sealed class InformerTests
{
    /// <summary>A scripted list+watch source: each list and each watch returns the next scripted answer.</summary>
    private sealed class ScriptedSource : IListWatchSource<ConfigMap>
    {
        public Queue<Func<KubernetesList<ConfigMap>>> Lists { get; } = new();

        public Queue<Func<IEnumerable<WatchEvent<ConfigMap>>>> Watches { get; } = new();

        public List<string> WatchedFrom { get; } = [];

        public Task<KubernetesList<ConfigMap>> ListAsync(string? resourceVersion, CancellationToken cancellationToken) =>
            Task.FromResult(Lists.Dequeue()());

        public async IAsyncEnumerable<WatchEvent<ConfigMap>> WatchAsync(
            string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            WatchedFrom.Add(resourceVersion);
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

    private static ConfigMap Map(string name, string rv) => new() { Metadata = new ObjectMeta { Name = name, Namespace = "ns", ResourceVersion = rv } };

    private static KubernetesList<ConfigMap> List(string rv, params ConfigMap[] items) => new() { Metadata = new ListMeta { ResourceVersion = rv }, Items = items.ToList() };

    private static WatchEvent<ConfigMap> Ev(WatchEventType type, ConfigMap map) => new(type, map, null);

    private static readonly WatchEvent<ConfigMap> Expired = new(WatchEventType.Error, null, new ApiStatus { Code = 410, Reason = "Expired" });

    [Fact]
    public async Task Expired_watch_relists_synthesizes_deletes_and_resumes_from_the_last_version()
    {
        var source = new ScriptedSource();
        source.Lists.Enqueue(() => List("10", Map("a", "5"), Map("b", "6")));
        source.Watches.Enqueue(() => [Ev(WatchEventType.Modified, Map("a", "11")), Ev(WatchEventType.Bookmark, new ConfigMap { Metadata = new ObjectMeta { ResourceVersion = "12" } })]);
        source.Watches.Enqueue(() => [Expired]);
        source.Lists.Enqueue(() => List("20", Map("a", "11"), Map("c", "19")));
        var log = new List<string>();
        var informer = new Informer<ConfigMap>(source);
        informer.Added += m => log.Add($"add {m.Metadata.Name}");
        informer.Updated += (o, n) => log.Add($"update {n.Metadata.Name} {o.Metadata.ResourceVersion}->{n.Metadata.ResourceVersion}");
        informer.Deleted += m => log.Add($"delete {m.Metadata.Name}");
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);

        while (source.WatchedFrom.Count < 3)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { "10", "12", "20" }, source.WatchedFrom);
        Assert.Equal(2, informer.ListCount);
        Assert.Equal(
            new[] { "add a", "add b", "update a 5->11", "delete b", "update a 11->11", "add c" },
            log.Take(2).Order().Concat(log.Skip(2)).ToList());
        Assert.Equal(new[] { "ns/a", "ns/c" }, informer.List().Select(Informer<ConfigMap>.KeyOf).Order());
    }

    [Fact]
    public async Task A_410_answer_to_the_watch_request_also_relists_and_other_errors_back_off_and_rewatch()
    {
        var source = new ScriptedSource();
        var errors = new List<Exception>();
        source.Lists.Enqueue(() => List("1"));
        source.Watches.Enqueue(() => throw new KubernetesApiException("GET", "/w", System.Net.HttpStatusCode.Gone, new ApiStatus { Reason = "Gone", Code = 410 }, null));
        source.Lists.Enqueue(() => List("2", Map("x", "2")));
        source.Watches.Enqueue(() => throw new HttpRequestException("connection refused"));
        var informer = new Informer<ConfigMap>(source, new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(1), OnError = errors.Add });
        using var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        while (source.WatchedFrom.Count < 3)
        {
            await Task.Delay(10);
        }

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { "1", "2", "2" }, source.WatchedFrom);
        Assert.IsType<HttpRequestException>(Assert.Single(errors));
        Assert.True(informer.TryGet("ns/x", out _));
    }
}
