using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Leadership;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Informers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoscaler.Controller.Tests.Hosting;

public sealed class ControlLoopServiceTests
{
    // Regression: the loop let the work queue's OperationCanceledException escape, so a host disposed without
    // StopAsync logged "BackgroundService failed" and stopped (seen in the externalMetric e2e run).
    [Fact]
    public async Task Cancelling_the_loop_ends_it_cleanly_rather_than_faulting_or_cancelling_the_service()
    {
        var h = new ReconcilerHarness();
        var leadership = new LeadershipState();
        leadership.Gain();
        var queue = new WorkQueue<string>(h.Time);
        using var service = new ControlLoopService(h.Reconciler, leadership, queue, h.Options, h.Time, NullLogger<ControlLoopService>.Instance);

        await service.StartAsync(CancellationToken.None);
        // Running, not merely scheduled: a signalled change has made one pass.
        queue.Add(ControlLoopService.PassKey);
        using var waited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (h.Metrics.ReconcileSeconds.Count == 0)
        {
            await Task.Delay(10, waited.Token);
        }

        // Now the loop waits in the work queue and on the timer.
        await service.StopAsync(CancellationToken.None);

        Assert.NotNull(service.ExecuteTask);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully, $"the loop ended {service.ExecuteTask.Status}");
    }
}
