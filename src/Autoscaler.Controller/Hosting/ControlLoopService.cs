using Autoscaler.Controller.Leadership;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Kubernetes.Informers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Controller.Hosting;

/// <summary>
/// The only timer: a <see cref="PeriodicTimer"/> over the injected <see cref="TimeProvider"/> runs one reconcile pass per
/// period, and a change signalled by the informers runs one early. Only the leader reconciles; a pass is cancelled
/// when leadership is lost.
/// </summary>
public sealed partial class ControlLoopService : BackgroundService
{
    /// <summary>The one work-queue key: a change of any watched object asks for a pass over every target.</summary>
    public const string PassKey = "pass";

    private readonly ControllerReconciler _reconciler;
    private readonly LeadershipState _leadership;
    private readonly WorkQueue<string> _queue;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ControlLoopService> _logger;

    /// <summary>Creates the loop.</summary>
    public ControlLoopService(ControllerReconciler reconciler, LeadershipState leadership, WorkQueue<string> queue, ControllerOptions options, TimeProvider time, ILogger<ControlLoopService> logger)
    {
        _reconciler = reconciler;
        _leadership = leadership;
        _queue = queue;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoopAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown, also a host disposed without StopAsync: a clean end, not a failed service that stops the host.
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SyncPeriod, _time);
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var change = NextChangeAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var woke = await Task.WhenAny(tick, change).ConfigureAwait(false);
            if (woke == tick)
            {
                if (!await tick.ConfigureAwait(false))
                {
                    return;
                }

                tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            }
            else
            {
                await change.ConfigureAwait(false);
                change = NextChangeAsync(stoppingToken);
            }

            await PassAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for a change. Every informer adds the same key (<see cref="PassKey"/>), so any number of changes before the
    /// loop wakes make one pass (a pass reconciles every target from the caches); one during a pass makes one more.
    /// </summary>
    private async Task NextChangeAsync(CancellationToken stoppingToken)
    {
        var key = await _queue.GetAsync(stoppingToken).ConfigureAwait(false);
        _queue.Done(key);
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        if (!_leadership.IsLeader)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _leadership.Term);
        try
        {
            await _reconciler.ReconcileAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            LogCancelled(_logger);
        }
#pragma warning disable CA1031 // One failed pass must not stop the controller; the next period retries.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogPassFailed(_logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "reconcile pass cancelled (shutdown or leadership lost)")]
    private static partial void LogCancelled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "reconcile pass failed; retrying next period")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
