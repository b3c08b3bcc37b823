using k8s;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// Stands in for the kubelet the e2e plane does not have: every pod of a namespace matching a selector that is still
/// Pending is moved to Running (status subresource), so the HPA controller counts it (v1.20 treats Pending pods as
/// unready and drops their metrics). After each pass it reports the live (running) pods, e.g. to the demo app
/// that spreads load over them. Runs until disposed; failures of a pass are kept for the test to show.
/// </summary>
internal sealed class PodPhaseSetter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public PodPhaseSetter(IKubernetes client, string ns, string labelSelector, Action<IReadOnlyList<V1Pod>> running)
    {
        _loop = Task.Run(() => LoopAsync(client, ns, labelSelector, running, _stop.Token));
    }

    public string? LastError { get; private set; }

    private async Task LoopAsync(IKubernetes client, string ns, string labelSelector, Action<IReadOnlyList<V1Pod>> running, CancellationToken stop)
    {
        // A periodic pass like the kubelet's status sync, not a wait for a condition.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(300));
        while (true)
        {
            try
            {
                var pods = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector, cancellationToken: stop);
                var live = pods.Items.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
                foreach (var pod in live.Where(p => p.Status?.Phase is null or "Pending"))
                {
                    var patch = new V1Patch("""
                        {"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}
                        """, V1Patch.PatchType.MergePatch);
                    await client.CoreV1.PatchNamespacedPodStatusAsync(patch, pod.Metadata.Name, ns, cancellationToken: stop);
                }

                running(live);
                LastError = null;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException)
            {
                LastError = e.Message;
            }

            try
            {
                await timer.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
