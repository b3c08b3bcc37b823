using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes;
using Autoscaler.Kubernetes.Informers;
using k8s;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>Our informer (KubernetesClient has none) on the real server's list, watch, bookmarks and 410s.</summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class InformerTests(ControlPlaneFixture cp)
{
    /// <summary>
    /// Hands the informer a stale resourceVersion on its first list, so its watch meets the real
    /// server's "too old resource version" (410 as an ERROR event in a 200) and it must relist. An object
    /// deleted while the informer is blind must come out of the relist as a synthesized delete.
    /// </summary>
    private sealed class StaleFirstList(IListWatchSource<V1ConfigMap> inner, Func<Task> beforeFirstWatch) : IListWatchSource<V1ConfigMap>
    {
        private int _lists;
        private int _watches;

        public async Task<ListSnapshot<V1ConfigMap>> ListAsync(CancellationToken cancellationToken)
        {
            var list = await inner.ListAsync(cancellationToken);
            return Interlocked.Increment(ref _lists) == 1 ? list with { ResourceVersion = "1" } : list;
        }

        public async IAsyncEnumerable<(WatchEventType Type, V1ConfigMap Object)> WatchAsync(
            string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken)
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
        var expired = await TooOldVersion.ErrorFromVersionOneAsync(cp.Admin, ns);
        Assert.True(ApiErrors.IsGone(expired), $"expected a 410, got {expired.Status?.Code} {expired.Status?.Reason}");
        Assert.Equal("Expired", expired.Status!.Reason);
        var core = cp.Admin.CoreV1;
        await core.CreateNamespacedConfigMapAsync(Workloads.ConfigMap(ns, "doomed"), ns);
        var deleted = new ConcurrentQueue<string>();
        var added = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<Exception>();
        var source = new StaleFirstList(ConfigMapListWatch.For(cp.Admin, ns), () => core.DeleteNamespacedConfigMapAsync("doomed", ns));
        var informer = new Informer<V1ConfigMap>(source, new InformerOptions { OnError = errors.Enqueue });
        informer.Added += m => added.Enqueue(m.Metadata.Name);
        informer.Deleted += m => deleted.Enqueue(m.Metadata.Name);
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);

        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.Async("a relist", seen =>
        {
            seen($"{informer.ListCount} list(s), errors [{string.Join("; ", errors.Select(e => e.Message))}]");
            return Task.FromResult(informer.ListCount >= 2 ? "" : null);
        }, TimeSpan.FromSeconds(30));
        await Eventually.Async("the synthesized delete", () => Task.FromResult(deleted.Contains("doomed") ? "" : null), TimeSpan.FromSeconds(10));
        Assert.False(informer.TryGet($"{ns}/doomed", out _));

        await core.CreateNamespacedConfigMapAsync(Workloads.ConfigMap(ns, "later"), ns);
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
        using var queue = new WorkQueue<string>();
        var resyncs = 0;
        var informer = new Informer<V1ConfigMap>(ConfigMapListWatch.For(cp.Admin, ns), new InformerOptions { ResyncPeriod = TimeSpan.FromSeconds(1) });
        informer.Added += m => queue.Add(Informer<V1ConfigMap>.KeyOf(m));
        informer.Updated += (old, m) =>
        {
            if (ReferenceEquals(old, m))
            {
                Interlocked.Increment(ref resyncs);
            }

            queue.Add(Informer<V1ConfigMap>.KeyOf(m));
        };
        using var stop = new CancellationTokenSource();
        var running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await cp.Admin.CoreV1.CreateNamespacedConfigMapAsync(Workloads.ConfigMap(ns, "job"), ns);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var key = await queue.GetAsync(wait.Token);
        Assert.Equal($"{ns}/job", key);
        queue.Done(key);
        await Eventually.Async("a resync", () => Task.FromResult(Volatile.Read(ref resyncs) > 0 ? "" : null), TimeSpan.FromSeconds(10));

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_paged_list_returns_every_object_once_with_the_lists_resourceVersion()
    {
        var ns = await cp.CreateNamespaceAsync("paging");
        foreach (var i in Enumerable.Range(0, 5))
        {
            await cp.Admin.CoreV1.CreateNamespacedConfigMapAsync(Workloads.ConfigMap(ns, $"m{i}"), ns);
        }

        var pages = 0;
        var inner = ConfigMapListWatch.For(cp.Admin, ns);
        var counted = new KubernetesListWatch<V1ConfigMap, V1ConfigMapList>(
            (page, ct) =>
            {
                Interlocked.Increment(ref pages);
                return cp.Admin.CoreV1.ListNamespacedConfigMapAsync(ns, continueParameter: page.Continue, limit: page.Limit, cancellationToken: ct);
            },
            (_, _, _) => throw new NotSupportedException(),
            pageSize: 2);

        var list = await counted.ListAsync(CancellationToken.None);
        var unpaged = await inner.ListAsync(CancellationToken.None);

        // Only the five made here, plus whatever the control plane publishes into every namespace (none on 1.20 without kube-root-ca.crt's publisher).
        Assert.Equal((list.Items.Count + 1) / 2, pages);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"m{i}"), list.Items.Select(m => m.Metadata.Name).Where(n => n.StartsWith('m')).Order());
        Assert.False(string.IsNullOrEmpty(list.ResourceVersion));
        Assert.Equal(list.Items.Select(m => m.Metadata.Name).Order(), unpaged.Items.Select(m => m.Metadata.Name).Order());
    }
}
