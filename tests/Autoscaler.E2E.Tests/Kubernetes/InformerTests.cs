using System.Collections.Concurrent;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Informers;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.E2E.Tests.Kubernetes;

[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class InformerTests(ControlPlaneFixture cp)
{
    /// <summary>
    /// Hands the informer a stale resourceVersion on its first list, so its watch meets the real
    /// server's "too old resource version" (410 as an ERROR event in a 200) and it must relist. An object
    /// deleted while the informer is blind must come out of the relist as a synthesized delete.
    /// </summary>
    private sealed class StaleFirstList(IListWatchSource<ConfigMap> inner, Func<Task> beforeFirstWatch) : IListWatchSource<ConfigMap>
    {
        private int _lists;
        private int _watches;

        public async Task<KubernetesList<ConfigMap>> ListAsync(string? resourceVersion, CancellationToken cancellationToken)
        {
            var list = await inner.ListAsync(resourceVersion, cancellationToken);
            if (Interlocked.Increment(ref _lists) == 1)
            {
                list.Metadata.ResourceVersion = "1";
            }

            return list;
        }

        public async IAsyncEnumerable<WatchEvent<ConfigMap>> WatchAsync(
            string resourceVersion, int timeoutSeconds, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _watches) == 1)
            {
                await beforeFirstWatch();
            }

            await foreach (var e in inner.WatchAsync(resourceVersion, timeoutSeconds, cancellationToken))
            {
                yield return e;
            }
        }
    }

    [Fact]
    public async Task Informer_relists_after_a_real_410_synthesizes_deletes_and_keeps_watching()
    {
        var ns = await cp.CreateNamespaceAsync("informer");
        Assert.True((await TooOldVersion.FirstEventFromVersionOneAsync(cp.Admin, ns)).IsExpired);
        var maps = cp.Admin.ConfigMaps;
        await maps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "doomed", Namespace = ns } });
        var deleted = new ConcurrentQueue<string>();
        var added = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<Exception>();
        var source = new StaleFirstList(maps.AsListWatch(ns), () => maps.DeleteAsync("doomed", ns));
        var informer = new Informer<ConfigMap>(source, new InformerOptions { OnError = errors.Enqueue });
        informer.Added += m => added.Enqueue(m.Metadata.Name!);
        informer.Deleted += m => deleted.Enqueue(m.Metadata.Name!);
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);

        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.Async("a relist", () => Task.FromResult(informer.ListCount >= 2 ? "" : null), TimeSpan.FromSeconds(30));
        await Eventually.Async("the synthesized delete", () => Task.FromResult(deleted.Contains("doomed") ? "" : null), TimeSpan.FromSeconds(10));
        Assert.False(informer.TryGet($"{ns}/doomed", out _));

        await maps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "later", Namespace = ns } });
        await Eventually.Async("the later object", () => Task.FromResult(informer.TryGet($"{ns}/later", out var m) ? m : null), TimeSpan.FromSeconds(30));
        Assert.Contains("later", added);
        Assert.Equal(2, informer.ListCount);
        Assert.Empty(errors);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Informer_feeds_a_work_queue_and_resyncs()
    {
        var ns = await cp.CreateNamespaceAsync("queue");
        var maps = cp.Admin.ConfigMaps;
        using var queue = new WorkQueue<string>();
        var resyncs = 0;
        var informer = new Informer<ConfigMap>(maps.AsListWatch(ns), new InformerOptions { ResyncPeriod = TimeSpan.FromSeconds(1) });
        informer.Added += m => queue.Add(Informer<ConfigMap>.KeyOf(m));
        informer.Updated += (old, m) =>
        {
            if (ReferenceEquals(old, m))
            {
                Interlocked.Increment(ref resyncs);
            }

            queue.Add(Informer<ConfigMap>.KeyOf(m));
        };
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await maps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "job", Namespace = ns } });
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var key = await queue.GetAsync(wait.Token);
        Assert.Equal($"{ns}/job", key);
        queue.Done(key);
        await Eventually.Async("a resync", () => Task.FromResult(Volatile.Read(ref resyncs) > 0 ? "" : null), TimeSpan.FromSeconds(10));

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
