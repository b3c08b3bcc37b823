using System.Runtime.CompilerServices;
using Autoscaler.Controller.Watching;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.Watching;

public sealed class InformerTests
{
    private static V1Alpha1ScalingEvent Item(string name, string version) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", ResourceVersion = version } };

    /// <summary>Scripted source: each list returns the next snapshot; each watch yields its events then ends (optionally with 410).</summary>
    private sealed class ScriptedSource : IListWatchSource<V1Alpha1ScalingEvent>
    {
        public Queue<IReadOnlyList<V1Alpha1ScalingEvent>> Lists { get; } = new();

        public Queue<(IReadOnlyList<(WatchEventType, V1Alpha1ScalingEvent)> Events, bool Gone)> Watches { get; } = new();

        public List<string> WatchedFrom { get; } = [];

        public CancellationTokenSource Done { get; } = new();

        public string Describe => "scripted";

        public Task<(IReadOnlyList<V1Alpha1ScalingEvent> Items, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
        {
            var items = Lists.Dequeue();
            return Task.FromResult((items, items.Count == 0 ? "1" : items.Max(i => i.Metadata.ResourceVersion)!));
        }

        public async IAsyncEnumerable<(WatchEventType Type, V1Alpha1ScalingEvent Object)> WatchAsync(
            string resourceVersion, Action<Exception> onError, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            WatchedFrom.Add(resourceVersion);
            if (!Watches.TryDequeue(out var script))
            {
                await Done.CancelAsync();
                yield break;
            }

            foreach (var e in script.Events)
            {
                yield return e;
            }

            if (script.Gone)
            {
                onError(new KubernetesException(new V1Status { Code = 410, Reason = "Expired", Message = "too old resource version" }));
            }
        }
    }

    [Fact]
    public async Task A_410_from_the_watch_relists_and_the_cache_drops_what_disappeared_meanwhile()
    {
        var source = new ScriptedSource();
        source.Lists.Enqueue([Item("a", "10"), Item("b", "11")]);
        source.Lists.Enqueue([Item("a", "20"), Item("c", "21")]);
        source.Watches.Enqueue(([(WatchEventType.Modified, Item("a", "12"))], Gone: false));
        source.Watches.Enqueue(([], Gone: true));
        var informer = new Informer<V1Alpha1ScalingEvent>(source, new FakeTimeProvider(), NullLogger.Instance);
        var changed = new List<string>();
        informer.Changed += changed.Add;

        await informer.RunAsync(source.Done.Token);

        Assert.Equal(2, informer.ListCount);
        Assert.Equal(["11", "12", "21"], source.WatchedFrom); // resumed from the last event, then from the relist
        Assert.Equal(["a", "c"], informer.Snapshot().Select(i => i.Metadata.Name).Order());
        Assert.Equal("20", informer.Snapshot().Single(i => i.Metadata.Name == "a").Metadata.ResourceVersion);
        Assert.Contains("ns/b", changed);
        Assert.True(informer.IsSynced);
    }
}
