namespace Autoscaler.Kubernetes.Informers;

/// <summary>
/// The controller work queue (client-go's workqueue): an item queued several times before a worker
/// takes it is processed once; an item re-added while a worker holds it is queued again only after
/// <see cref="Done"/>, so no two workers ever hold the same item. Failed items are requeued with a
/// per-item exponential back-off.
/// </summary>
/// <typeparam name="T">The item type, usually a "namespace/name" key.</typeparam>
public sealed class WorkQueue<T> : IDisposable
    where T : notnull
{
    private readonly Lock _gate = new();
    private readonly Queue<T> _queue = new();
    private readonly HashSet<T> _dirty = [];
    private readonly HashSet<T> _processing = [];
    private readonly HashSet<ITimer> _timers = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly ItemBackoff<T> _backoff;
    private readonly TimeProvider _time;
    private bool _shuttingDown;

    /// <summary>Creates a queue.</summary>
    /// <param name="timeProvider">Clock for delayed adds; null uses the system clock.</param>
    /// <param name="baseDelay">First requeue delay (client-go: 5 ms); doubles per failure.</param>
    /// <param name="maxDelay">Longest requeue delay (client-go: 1000 s).</param>
    public WorkQueue(TimeProvider? timeProvider = null, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _backoff = new ItemBackoff<T>(baseDelay ?? TimeSpan.FromMilliseconds(5), maxDelay ?? TimeSpan.FromSeconds(1000));
    }

    /// <summary>Items waiting to be taken.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>True after <see cref="ShutDown"/>.</summary>
    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    /// <summary>Queues an item unless it is already waiting.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(item) || _processing.Contains(item))
            {
                return;
            }

            _queue.Enqueue(item);
        }

        _available.Release();
    }

    /// <summary>Queues an item after a delay.</summary>
    /// <param name="item">The item.</param>
    /// <param name="delay">How long to wait; zero or less adds now.</param>
    public void AddAfter(T item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            ITimer? timer = null;
            timer = _time.CreateTimer(_ =>
            {
                lock (_gate)
                {
                    _timers.Remove(timer!);
                }

                timer!.Dispose();
                Add(item);
            }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Requeues a failed item after its back-off (5 ms, 10 ms, 20 ms, ... up to the maximum).</summary>
    /// <param name="item">The item.</param>
    public void AddRateLimited(T item) => AddAfter(item, _backoff.Next(item));

    /// <summary>Clears an item's failure count after it succeeded.</summary>
    /// <param name="item">The item.</param>
    public void Forget(T item) => _backoff.Forget(item);

    /// <summary>How many times the item was requeued with <see cref="AddRateLimited"/> since the last <see cref="Forget"/>.</summary>
    /// <param name="item">The item.</param>
    /// <returns>The count.</returns>
    public int NumRequeues(T item) => _backoff.Failures(item);

    /// <summary>Takes the next item; call <see cref="Done"/> when finished with it.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The item.</returns>
    /// <exception cref="OperationCanceledException">Cancelled, or the queue was shut down and is empty.</exception>
    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (_queue.TryDequeue(out var item))
                {
                    _dirty.Remove(item);
                    _processing.Add(item);
                    return item;
                }

                if (_shuttingDown)
                {
                    _available.Release();
                    throw new OperationCanceledException("the work queue is shut down");
                }
            }
        }
    }

    /// <summary>Marks an item finished; if it was added again meanwhile, it is queued now.</summary>
    /// <param name="item">The item from <see cref="GetAsync"/>.</param>
    public void Done(T item)
    {
        lock (_gate)
        {
            _processing.Remove(item);
            if (!_dirty.Contains(item))
            {
                return;
            }

            _queue.Enqueue(item);
        }

        _available.Release();
    }

    /// <summary>Stops accepting items and wakes waiting workers once the queue is empty.</summary>
    public void ShutDown()
    {
        lock (_gate)
        {
            _shuttingDown = true;
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }

        _available.Release();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        ShutDown();
        _available.Dispose();
    }
}
