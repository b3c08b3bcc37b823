using k8s;
using k8s.Models;

namespace Autoscaler.Kubernetes.Informers;

/// <summary>
/// List+watch into a local cache (client-go's reflector and informer): lists, then watches from the
/// list's resourceVersion; resumes from the last seen version (events and bookmarks) when a watch ends;
/// relists after a 410 (an ERROR event inside the 200 stream, or a 410 answer), synthesizing deletes for
/// objects that vanished meanwhile; backs off on other failures. Handlers run one at a time. KubernetesClient
/// 21 has no informer of its own (only a bare watch), so this one is ours.
/// </summary>
/// <typeparam name="T">The watched type.</typeparam>
public sealed partial class Informer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IListWatchSource<T> _source;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly InformerCache<T> _cache = new();
    private readonly SemaphoreSlim _dispatch = new(1, 1);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _listCount;

    /// <summary>Creates an informer; call <see cref="RunAsync"/> to start it.</summary>
    /// <param name="source">What to list and watch, such as a <see cref="KubernetesListWatch{T, TList}"/>.</param>
    /// <param name="options">Resync, back-off and error reporting; null uses the defaults.</param>
    /// <param name="timeProvider">Clock for back-off and resync; null uses the system clock.</param>
    public Informer(IListWatchSource<T> source, InformerOptions? options = null, TimeProvider? timeProvider = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _options = options ?? new InformerOptions();
        _time = timeProvider ?? TimeProvider.System;
        // Resync and back-off jitter must differ between replicas; tests inject a seeded InformerOptions.Random.
#pragma warning disable RS0030 // Random.Shared: the unseeded default at the process boundary, see above
        _random = _options.Random ?? Random.Shared;
#pragma warning restore RS0030
    }

    /// <summary>An object appeared (also for every item of the first list).</summary>
    public event Action<T>? Added;

    /// <summary>An object changed (old, new); on resync both are the cached object.</summary>
    public event Action<T, T>? Updated;

    /// <summary>An object was deleted (its last known state).</summary>
    public event Action<T>? Deleted;

    /// <summary>True once the first list has been applied to the cache.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>How many full lists ran: 1 after start, more after each relist.</summary>
    public int ListCount => Volatile.Read(ref _listCount);

    /// <summary>The resourceVersion the next watch resumes from.</summary>
    public string? LastResourceVersion { get; private set; }

    /// <summary>The cache's key of an object: "namespace/name", or "name" when cluster-scoped.</summary>
    /// <param name="value">The object.</param>
    /// <returns>The key.</returns>
    public static string KeyOf(T value) => InformerCache<T>.KeyOf(value);

    /// <summary>A snapshot of the cached objects.</summary>
    /// <returns>The objects.</returns>
    public IReadOnlyList<T> List() => _cache.Snapshot();

    /// <summary>Looks an object up in the cache.</summary>
    /// <param name="key">"namespace/name" or "name".</param>
    /// <param name="value">The object, when cached.</param>
    /// <returns>Whether it is cached.</returns>
    public bool TryGet(string key, out T value) => _cache.TryGet(key, out value);

    /// <summary>Completes when the first list has been applied.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task.</returns>
    public Task WaitForSyncAsync(CancellationToken cancellationToken = default) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Runs until cancelled.</summary>
    /// <param name="cancellationToken">Stops the informer.</param>
    /// <returns>A task that completes when stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var resync = _options.ResyncPeriod > TimeSpan.Zero ? ResyncLoopAsync(cancellationToken) : Task.CompletedTask;
        var backoff = _options.InitialBackoff;
        var needList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await RelistAsync(cancellationToken).ConfigureAwait(false);
                    needList = false;
                }

                needList = await WatchOnceAsync(cancellationToken).ConfigureAwait(false);
                backoff = _options.InitialBackoff;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (ApiErrors.IsGone(e))
            {
                needList = true;
            }
            catch (Exception e)
            {
                _options.OnError?.Invoke(e);
                if (!await DelayAsync(backoff, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }

        await resync.ConfigureAwait(false);
    }

    private async Task RelistAsync(CancellationToken cancellationToken)
    {
        var list = await _source.ListAsync(cancellationToken).ConfigureAwait(false);
        var (added, updated, deleted) = _cache.Replace(list.Items);
        LastResourceVersion = list.ResourceVersion;
        Interlocked.Increment(ref _listCount);
        await DispatchAsync(() =>
        {
            deleted.ForEach(d => Deleted?.Invoke(d));
            updated.ForEach(u => Updated?.Invoke(u.Old, u.New));
            added.ForEach(a => Added?.Invoke(a));
        }, cancellationToken).ConfigureAwait(false);
        _synced.TrySetResult();
    }

    /// <summary>Runs one watch to its end; returns false (a 410 is thrown and relists).</summary>
    private async Task<bool> WatchOnceAsync(CancellationToken cancellationToken)
    {
        var (min, max) = _options.WatchTimeoutSeconds;
        var timeout = _random.Next(min, Math.Max(min, max) + 1);
        var events = _source.WatchAsync(LastResourceVersion ?? "", timeout, cancellationToken);
        await foreach (var (type, obj) in events.ConfigureAwait(false))
        {
            if (type == WatchEventType.Error)
            {
                throw new InvalidOperationException($"watch error event carrying a {obj?.Kind ?? "null"} instead of a Status");
            }

            if (type != WatchEventType.Bookmark)
            {
                await ApplyAsync(type, obj, cancellationToken).ConfigureAwait(false);
            }

            if (obj?.Metadata?.ResourceVersion is { Length: > 0 } rv)
            {
                LastResourceVersion = rv;
            }
        }

        return false;
    }
}
