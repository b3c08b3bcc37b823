using Autoscaler.Core.Quantities;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Metrics;

/// <summary>
/// Turns demand into what the HPA reads at a sync. External: the demand per minute as it was
/// <c>delaySeconds</c> ago (scrape plus query latency). Utilization: that demand shared evenly by the ready
/// pods, as CPU in millicores, linear in load up to <c>cpuAtCapacityMilli</c> at <c>capacityPerPod</c>.
/// </summary>
internal sealed class MetricObserver
{
    private readonly MetricKind _kind;
    private readonly long _delayTicks;
    private readonly double _capacityPerPod;
    private readonly double _cpuAtCapacity;
    private readonly double _cpuRequest;
    private DemandTrace.Cursor _cursor;

    public MetricObserver(MetricModel metric, WorkloadModel workload, DemandTrace trace)
    {
        _kind = metric.Type;
        _delayTicks = TimeSpan.FromSeconds(metric.DelaySeconds).Ticks;
        _capacityPerPod = workload.CapacityPerPod;
        _cpuAtCapacity = workload.CpuAtCapacityMilli;
        _cpuRequest = workload.CpuRequestMilli;
        _cursor = trace.CreateCursor();
    }

    /// <summary>Returns the metric value shown in the timeline and, for Utilization, each ready pod's CPU.</summary>
    public double Observe(long nowTicks, int readyPods, out long podCpuMilli)
    {
        var seen = _cursor.ValueAt(nowTicks - _delayTicks);
        if (_kind == MetricKind.External)
        {
            podCpuMilli = 0;
            return seen;
        }

        if (readyPods == 0)
        {
            podCpuMilli = 0;
            return 0;
        }

        // CPU usage reaches the HPA as a Quantity in cores; Core's conversion gives its milli-value.
        podCpuMilli = Quantity.MilliFromDouble(seen / readyPods / _capacityPerPod * _cpuAtCapacity / 1000);
        return podCpuMilli * 100.0 / _cpuRequest;
    }
}
