using Autoscaler.Kubernetes.Informers;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Kubernetes.Tests.Informers;

public sealed class WorkQueueTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_item_added_several_times_before_it_is_taken_is_processed_once()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        queue.Add("ns/a");
        queue.Add("ns/b");
        queue.Add("ns/a");
        Assert.Equal(2, queue.Count);
        Assert.Equal("ns/a", await queue.GetAsync(None));
        Assert.Equal("ns/b", await queue.GetAsync(None));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public async Task An_item_re_added_while_processing_is_queued_again_only_after_Done()
    {
        using var queue = new WorkQueue<string>(new FakeTimeProvider());
        queue.Add("k");
        var item = await queue.GetAsync(None);
        queue.Add("k");
        queue.Add("k");
        Assert.Equal(0, queue.Count);
        queue.Done(item);
        Assert.Equal(1, queue.Count);
        Assert.Equal("k", await queue.GetAsync(None));
    }

    [Fact]
    public async Task Rate_limited_requeue_backs_off_exponentially_per_item_and_Forget_resets()
    {
        var clock = new FakeTimeProvider();
        using var queue = new WorkQueue<string>(clock, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(30));
        queue.AddRateLimited("k");
        queue.AddRateLimited("k");
        queue.AddRateLimited("k");
        queue.AddRateLimited("k");
        queue.AddRateLimited("other");
        Assert.Equal(4, queue.NumRequeues("k"));
        Assert.Equal(1, queue.NumRequeues("other"));

        clock.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(0, queue.Count);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, queue.Count);
        Assert.Equal("k", await queue.GetAsync(None));

        queue.Forget("k");
        Assert.Equal(0, queue.NumRequeues("k"));
    }

    [Fact]
    public void Item_back_off_doubles_per_failure_up_to_the_cap_and_Forget_starts_over()
    {
        var backoff = new ItemBackoff<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(30));
        var delays = Enumerable.Range(0, 4).Select(_ => backoff.Next("k")).Append(backoff.Next("other"));
        Assert.Equal(new[] { 5, 10, 20, 30, 5 }, delays.Select(d => (int)d.TotalMilliseconds));
        backoff.Forget("k");
        Assert.Equal(TimeSpan.FromMilliseconds(5), backoff.Next("k"));
    }

    [Fact]
    public async Task Waiting_workers_wake_on_add_and_stop_on_shutdown_after_draining()
    {
        using var queue = new WorkQueue<int>(new FakeTimeProvider());
        var waiting = queue.GetAsync(None);
        Assert.False(waiting.IsCompleted);
        queue.Add(7);
        Assert.Equal(7, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));

        queue.Add(8);
        queue.ShutDown();
        queue.Add(9);
        Assert.Equal(8, await queue.GetAsync(None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queue.GetAsync(None).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(queue.IsShuttingDown);
    }
}
