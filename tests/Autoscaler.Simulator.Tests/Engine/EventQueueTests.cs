using Autoscaler.Simulator.Engine;

namespace Autoscaler.Simulator.Tests.Engine;

public sealed class EventQueueTests
{
    [Fact]
    public void OrdersByTimeThenPriorityThenSequence()
    {
        var q = new EventQueue();
        q.Schedule(20, EventKind.HpaSync, 1);
        q.Schedule(10, EventKind.HpaSync, 2);
        q.Schedule(10, EventKind.PodReady, 3);
        q.Schedule(10, EventKind.PodReady, 4);
        var order = new List<long>();
        while (q.TryNext(out _, out _, out var payload)) order.Add(payload);
        Assert.Equal([3L, 4, 2, 1], order);
    }
}
