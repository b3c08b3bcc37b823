using System.Collections.Concurrent;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Controller.Watching;

/// <summary>
/// A cache of one resource type kept by list + watch: lists, watches from the list's resourceVersion, re-watches from
/// the last seen version when the server ends a watch, and relists when the version is gone (410) or the watch fails.
/// Every change (and every relist difference) is reported through <see cref="Changed"/> with the object's key.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed partial class Informer<T>
    where T : IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentDictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly IListWatchSource<T> _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _synced;

    /// <summary>Creates an informer; nothing happens until <see cref="RunAsync"/>.</summary>
    /// <param name="source">List and watch calls.</param>
    /// <param name="time">Clock for the back-off between failed lists.</param>
    /// <param name="logger">Logger.</param>
    public Informer(IListWatchSource<T> source, TimeProvider time, ILogger logger)
    {
        _source = source;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised with namespace/name after an object was added, changed or deleted.</summary>
    public event Action<string>? Changed;

    /// <summary>True once the first list has filled the cache.</summary>
    public bool IsSynced => _synced;

    /// <summary>How many lists were made (the first plus every relist); for tests and metrics.</summary>
    public int ListCount { get; private set; }

    /// <summary>A snapshot of the cached objects.</summary>
    public IReadOnlyList<T> Snapshot() => [.. _items.Values];

    /// <summary>Lists and watches until cancelled.</summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(500);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var version = await RelistAsync(cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromMilliseconds(500);
                while (version is not null && !cancellationToken.IsCancellationRequested)
                {
                    version = await WatchOnceAsync(version, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpOperationException or HttpRequestException or IOException or KubernetesException)
            {
                LogListFailed(_logger, _source.Describe, e.Message, backoff.TotalSeconds);
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var (items, version) = await _source.ListAsync(cancellationToken).ConfigureAwait(false);
        ListCount++;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = KeyOf(item);
            seen.Add(key);
            if (!_items.TryGetValue(key, out var old) || old.Metadata.ResourceVersion != item.Metadata.ResourceVersion)
            {
                _items[key] = item;
                Changed?.Invoke(key);
            }
        }

        foreach (var key in _items.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _items.TryRemove(key, out _);
            Changed?.Invoke(key);
        }

        _synced = true;
        LogListed(_logger, _source.Describe, items.Count, version);
        return version;
    }

    /// <summary>Watches once; returns the version to resume from, or null when a relist is needed.</summary>
    private async Task<string?> WatchOnceAsync(string version, CancellationToken cancellationToken)
    {
        var gone = false;
        Exception? failure = null;
        void OnError(Exception e)
        {
            if (IsGone(e))
            {
                gone = true;
            }
            else
            {
                failure = e;
            }
        }

        try
        {
            await foreach (var (type, item) in _source.WatchAsync(version, OnError, cancellationToken).ConfigureAwait(false))
            {
                var key = KeyOf(item);
                if (type == WatchEventType.Deleted)
                {
                    _items.TryRemove(key, out _);
                }
                else if (type is WatchEventType.Added or WatchEventType.Modified)
                {
                    _items[key] = item;
                }

                version = item.Metadata.ResourceVersion ?? version;
                if (type != WatchEventType.Bookmark)
                {
                    Changed?.Invoke(key);
                }
            }
        }
        catch (Exception e) when (IsGone(e))
        {
            gone = true;
        }

        if (gone)
        {
            LogGone(_logger, _source.Describe, version);
            return null;
        }

        if (failure is not null)
        {
            LogWatchFailed(_logger, _source.Describe, failure.Message);
            return null;
        }

        return version;
    }

    private static bool IsGone(Exception e) => e switch
    {
        KubernetesException k => k.Status?.Code == (int)HttpStatusCode.Gone,
        HttpOperationException h => h.Response?.StatusCode == HttpStatusCode.Gone,
        _ => false,
    };

    private static string KeyOf(T item) => item.Metadata.NamespaceProperty + "/" + item.Metadata.Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "listed {Resource}: {Count} objects at resourceVersion {Version}")]
    private static partial void LogListed(ILogger logger, string resource, int count, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "watch of {Resource} from {Version}: 410 Gone, relisting")]
    private static partial void LogGone(ILogger logger, string resource, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "watch of {Resource} failed ({Error}), relisting")]
    private static partial void LogWatchFailed(ILogger logger, string resource, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "list of {Resource} failed ({Error}); retrying in {Seconds} s")]
    private static partial void LogListFailed(ILogger logger, string resource, string error, double seconds);
}
