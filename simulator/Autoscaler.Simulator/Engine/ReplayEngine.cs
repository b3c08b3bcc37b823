using Autoscaler.Simulator.Metrics;
using Autoscaler.Simulator.Prescale;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Engine;

/// <summary>
/// Discrete-event replay on a virtual clock. The HPA syncs every <c>syncPeriodSeconds</c>; a created pod
/// becomes ready <c>startupSeconds</c> (+ seeded jitter) later; a scale-down removes pods at once. Nothing
/// reads the wall clock and the only randomness is the seeded jitter, so equal inputs give equal outputs.
/// </summary>
internal sealed class ReplayEngine
{
    private const int ProgressEvery = 8192;
    private readonly Scenario _scenario;
    private readonly DemandTrace _trace;
    private readonly IReplicaDecider _decider;
    private readonly Action<double>? _progress;
    private readonly PrescaleDriver? _prescale;

    public ReplayEngine(Scenario scenario, DemandTrace trace, IReplicaDecider decider, Action<double>? progress = null, PrescaleDriver? prescale = null)
    {
        _scenario = scenario;
        _trace = trace;
        _decider = decider;
        _progress = progress;
        _prescale = prescale;
    }

    /// <summary>
    /// When set, the HPA syncs at these instants (ascending, UTC) instead of every sync period from the
    /// start: the parity test replays on the real controller's measured sync times.
    /// </summary>
    public IReadOnlyList<DateTime>? SyncSchedule { get; init; }

    public ReplayOutcome Run(DateTime from, DateTime to)
    {
        var start = from.Ticks;
        var end = to.Ticks;
        var period = TimeSpan.FromSeconds(_scenario.Hpa.SyncPeriodSeconds).Ticks;
        var workload = _scenario.Workload;
        var jitter = new Random(workload.Seed);
        var startup = TimeSpan.FromSeconds(workload.StartupSeconds).Ticks;
        var pods = new PodSet();
        for (var i = 0; i < workload.InitialReplicas; i++) pods.AddReady(start, start);

        var queue = new EventQueue();
        var ledger = new CapacityLedger(_trace, workload.CapacityPerPod, start);
        var observer = new MetricObserver(_scenario.Hpa.Metric, workload, _trace);
        var demandNow = _trace.CreateCursor();
        var timeline = new Timeline((int)Math.Min(int.MaxValue / 2, ((end - start) / period) + 1));
        int spec = pods.Count, scaleUps = 0, scaleDowns = 0, peak = spec;
        var nextScheduled = 0;
        if (SyncSchedule is null)
        {
            queue.Schedule(start, EventKind.HpaSync);
        }
        else if (SyncSchedule.Count > 0)
        {
            queue.Schedule(SyncSchedule[nextScheduled++].Ticks, EventKind.HpaSync);
        }

        while (queue.TryNext(out var now, out var kind, out var payload) && now < end)
        {
            ledger.AdvanceTo(now, pods.Count, pods.ReadyCount);
            if (kind == EventKind.PodReady)
            {
                pods.MarkReady(payload, now);
                continue;
            }

            var metric = observer.Observe(now, pods.ReadyCount, out var podCpu);
            // The planner steps on the same virtual clock just before the HPA syncs, as the controller's loop would.
            var floor = _prescale?.Step(now, spec) ?? 0;
            var desired = _decider.Decide(new SyncContext
            {
                Now = new DateTime(now, DateTimeKind.Utc),
                SpecReplicas = spec,
                StatusReplicas = pods.Count,
                MetricValue = metric,
                ReadyPods = pods.Ready,
                StartingPods = pods.Starting,
                PodCpuMilli = podCpu,
                Floor = floor,
            });

            if (desired > spec)
            {
                scaleUps++;
                for (var i = spec; i < desired; i++)
                {
                    var readyAt = now + startup + (workload.StartupJitterSeconds > 0
                        ? (long)(jitter.NextDouble() * workload.StartupJitterSeconds * TimeSpan.TicksPerSecond)
                        : 0);
                    queue.Schedule(readyAt, EventKind.PodReady, pods.AddStarting(now));
                }
            }
            else if (desired < spec)
            {
                scaleDowns++;
                pods.Remove(spec - desired);
            }

            spec = desired;
            peak = Math.Max(peak, spec);
            timeline.Add(now, demandNow.ValueAt(now), metric, desired, spec, pods.ReadyCount, _prescale?.PlannedFloor ?? 0);
            if (timeline.Count % ProgressEvery == 0) _progress?.Invoke((double)(now - start) / (end - start));
            if (SyncSchedule is null)
            {
                queue.Schedule(now + period, EventKind.HpaSync);
            }
            else if (nextScheduled < SyncSchedule.Count)
            {
                queue.Schedule(Math.Max(now, SyncSchedule[nextScheduled++].Ticks), EventKind.HpaSync);
            }
        }

        ledger.AdvanceTo(end, pods.Count, pods.ReadyCount);
        ledger.Finish();
        _progress?.Invoke(1);
        return new ReplayOutcome
        {
            From = from,
            To = to,
            Syncs = timeline.Count,
            OverloadMinutes = ledger.OverloadMinutes,
            UnservedLoad = ledger.UnservedLoad,
            TotalDemand = ledger.DemandIntegral,
            PodHours = ledger.PodMinutes / 60,
            ReadyPodHours = ledger.ReadyPodMinutes / 60,
            ScaleUps = scaleUps,
            ScaleDowns = scaleDowns,
            PeakReplicas = peak,
            MeanUtilization = ledger.ReadyCapacityIntegral > 0 ? ledger.DemandIntegral / ledger.ReadyCapacityIntegral : 0,
            OverloadPeriods = ledger.Periods,
            Timeline = timeline,
        };
    }
}
