using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Autoscaler.Core.Labels;
using Autoscaler.Kubernetes.Informers;
using Autoscaler.MetricsAdapter.Objects;
using Autoscaler.MetricsAdapter.Providers;
using k8s;
using k8s.Models;

namespace Autoscaler.MetricsAdapter.Tests.Objects;

/// <summary>
/// The informer-backed lister: one list then watch events feed the label index; requests read the index (never a
/// list per request); unsynced caches and unwatched resources are clear errors.
/// </summary>
public sealed class InformerObjectListerTests : IAsyncDisposable
{
    private static readonly GroupResource Pods = new(string.Empty, "pods");
    private readonly ScriptedPods _source = new();
    private readonly InformerObjectLister _lister;
    private readonly CancellationTokenSource _stop = new();

    public InformerObjectListerTests()
    {
        _lister = new InformerObjectLister([WatchedObjects.Over(Pods, new Informer<V1Pod>(_source))]);
    }

    [Fact]
    public async Task Before_the_first_list_a_request_is_unavailable_not_an_empty_answer()
    {
        var names = await _lister.ListNamesAsync(Pods, "shop", LabelSelector.Parse("app=web"), default);

        Assert.Equal(MetricErrorKind.SourceUnavailable, names.Error!.Kind);
        Assert.Contains("has not synced", names.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_list_selects_sorted_names_in_the_namespace_only_without_listing_again()
    {
        _source.List = [Pod("shop", "web-2", "app=web"), Pod("shop", "web-1", "app=web"), Pod("shop", "db-1", "app=db"), Pod("billing", "web-9", "app=web")];
        await StartAsync();

        var first = await _lister.ListNamesAsync(Pods, "shop", LabelSelector.Parse("app=web"), default);
        var second = await _lister.ListNamesAsync(Pods, "shop", LabelSelector.Parse("app=web"), default);

        Assert.Equal(["web-1", "web-2"], first.Value);
        Assert.Equal(["web-1", "web-2"], second.Value);
        Assert.Equal(1, _source.Lists);
    }

    [Theory]
    [InlineData("app in (web,api)", "api-1,web-1,web-2")]
    [InlineData("app in (web,api),track notin (canary)", "api-1,web-1")]
    [InlineData("app=web,!track", "web-1")]
    [InlineData("track", "web-2")]
    [InlineData("app!=web", "api-1,db-1")]
    [InlineData("app=none", "")]
    [InlineData("", "api-1,db-1,web-1,web-2")]
    public async Task Set_based_selectors_hold_with_the_kubernetes_meaning(string selector, string expected)
    {
        _source.List = [Pod("shop", "web-1", "app=web"), Pod("shop", "web-2", "app=web,track=canary"), Pod("shop", "api-1", "app=api"), Pod("shop", "db-1", "app=db")];
        await StartAsync();

        var names = await _lister.ListNamesAsync(Pods, "shop", LabelSelector.Parse(selector), default);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), names.Value);
    }

    [Fact]
    public async Task Watch_events_add_relabel_and_delete_objects()
    {
        _source.List = [Pod("shop", "web-1", "app=web")];
        await StartAsync();

        await _source.Send(WatchEventType.Added, Pod("shop", "web-2", "app=web"));
        await _source.Send(WatchEventType.Modified, Pod("shop", "web-1", "app=old"));
        await SeenAsync(["web-2"]);
        await _source.Send(WatchEventType.Deleted, Pod("shop", "web-2", "app=web"));
        await SeenAsync([]);
        await _source.Send(WatchEventType.Added, Pod("shop", "web-3", "app=web"));
        await SeenAsync(["web-3"]);
    }

    [Fact]
    public async Task An_unwatched_resource_is_a_bad_request_naming_what_is_watched()
    {
        await StartAsync();

        var names = await _lister.ListNamesAsync(new GroupResource("apps", "deployments"), "shop", LabelSelector.Parse("app=web"), default);

        Assert.Equal(MetricErrorKind.BadRequest, names.Error!.Kind);
        Assert.Contains("deployments.apps are not watched", names.Error.Message, StringComparison.Ordinal);
        Assert.Contains("watched: pods", names.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pods", null)]
    [InlineData("pods, services,deployments", null)]
    [InlineData("pods,widgets", "Objects:Resources: 'widgets' cannot be watched (one of daemonsets, deployments, pods, replicasets, services, statefulsets)")]
    [InlineData(" , ", "Objects:Resources names no resource (set Objects:Enabled=false to watch none)")]
    public void Options_name_the_resources_that_can_be_watched(string resources, string? error)
    {
        var errors = new ObjectListingOptions { Resources = resources }.Validate();

        Assert.Equal(error is null ? [] : [error], errors);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _lister.StopAsync(default);
        _lister.Dispose();
        _stop.Dispose();
    }

    private async Task StartAsync()
    {
        await _lister.StartAsync(_stop.Token);
        await WaitAsync(() => _lister.HasSynced, "the first list");
    }

    private async Task SeenAsync(string[] expected)
    {
        IReadOnlyList<string> last = [];
        await WaitAsync(
            () => (last = _lister.ListNamesAsync(Pods, "shop", LabelSelector.Parse("app=web"), default).Result.Value).SequenceEqual(expected),
            () => $"names [{string.Join(",", expected)}], last seen [{string.Join(",", last)}]");
    }

    private static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(condition, () => what);

    private static async Task WaitAsync(Func<bool> condition, Func<string> what)
    {
        // The informer runs on its own task: poll for the state, bounded, instead of sleeping.
        var deadline = Environment.TickCount64 + 10_000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("waited 10 s for " + what());
            }

            await Task.Delay(5);
        }
    }

    private static V1Pod Pod(string ns, string name, string labels) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = labels.Split(',').Select(l => l.Split('=')).ToDictionary(p => p[0], p => p[1]),
        },
    };

    /// <summary>One scripted list, then a watch fed event by event.</summary>
    private sealed class ScriptedPods : IListWatchSource<V1Pod>
    {
        private readonly Channel<(WatchEventType, V1Pod)> _events = Channel.CreateUnbounded<(WatchEventType, V1Pod)>();
        private int _lists;

        public IReadOnlyList<V1Pod> List { get; set; } = [];

        public int Lists => Volatile.Read(ref _lists);

        public ValueTask Send(WatchEventType type, V1Pod pod) => _events.Writer.WriteAsync((type, pod));

        public Task<ListSnapshot<V1Pod>> ListAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _lists);
            return Task.FromResult(new ListSnapshot<V1Pod>(List, "1"));
        }

        public async IAsyncEnumerable<(WatchEventType Type, V1Pod Object)> WatchAsync(
            string resourceVersion, int timeoutSeconds, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var e in _events.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
    }
}
