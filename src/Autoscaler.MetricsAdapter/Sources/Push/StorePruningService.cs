using Autoscaler.MetricsAdapter.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>Deletes samples older than the retention window, on a timer; the work is one testable <see cref="Tick"/>.</summary>
internal sealed partial class StorePruningService(
    ISampleStore store, IOptions<SampleStoreOptions> options, TimeProvider time, ILogger<StorePruningService> logger) : BackgroundService
{
    public int Tick()
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        return store.Prune(cutoff.ToUnixTimeMilliseconds());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, time);
        do
        {
            try
            {
                var deleted = Tick();
                LogPruned(deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPruneFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Deleted} expired samples")]
    private partial void LogPruned(int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the sample store failed; will retry")]
    private partial void LogPruneFailed(Exception exception);
}
