using k8s;

namespace Autoscaler.Kubernetes.Informers;

// Applying events to the cache, calling handlers one at a time, and the resync loop.
public sealed partial class Informer<T>
{
    private Task ApplyAsync(WatchEventType type, T? obj, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case WatchEventType.Added or WatchEventType.Modified when obj is { } value:
                var old = _cache.Upsert(value);
                return DispatchAsync(() =>
                {
                    if (old is null)
                    {
                        Added?.Invoke(value);
                    }
                    else
                    {
                        Updated?.Invoke(old, value);
                    }
                }, cancellationToken);
            case WatchEventType.Deleted when obj is { } value:
                var last = _cache.Remove(value) ?? value;
                return DispatchAsync(() => Deleted?.Invoke(last), cancellationToken);
            default:
                return Task.CompletedTask;
        }
    }

    private async Task DispatchAsync(Action handlers, CancellationToken cancellationToken)
    {
        await _dispatch.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            handlers();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failing handler must not stop the informer; it is reported instead.
            _options.OnError?.Invoke(e);
        }
        finally
        {
            _dispatch.Release();
        }
    }

    private async Task ResyncLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var item in _cache.Snapshot())
                {
                    await DispatchAsync(() => Updated?.Invoke(item, item), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
