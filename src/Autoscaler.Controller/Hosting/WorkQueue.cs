using System.Threading.Channels;

namespace Autoscaler.Controller.Hosting;

/// <summary>
/// Coalescing work queue between the informers and the control loop: any number of changed keys before the loop wakes
/// make one pass (a pass reconciles every target from the caches, so the keys only say "something changed").
/// </summary>
public sealed class WorkQueue
{
    private readonly Channel<string> _changes = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Signals a change of the object with this key (namespace/name).</summary>
    /// <param name="key">The key (for logs).</param>
    public void Add(string key) => _changes.Writer.TryWrite(key);

    /// <summary>Waits for the next change.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task WaitAsync(CancellationToken cancellationToken) =>
        await _changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
}
