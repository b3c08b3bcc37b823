using System.Globalization;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning.Outcomes;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Preview;

/// <summary>
/// The after-event report: the observed load in the window against the same window one week earlier (the multiplier
/// the history suggests for the next event of the kind), against the floor the planner would have held (the preview
/// replanned as of 8 hours before the start, from history before then), and, with a ready-replica history, what Core's
/// <see cref="OutcomeMeter"/> measures: overloaded minutes against the ready replicas, time to capacity and when the
/// floor the controller raised (its decision records) was ready.
/// </summary>
public sealed class ReportService
{
    private static readonly TimeSpan PlanAhead = TimeSpan.FromHours(8);
    private readonly PreviewService _preview;
    private readonly IHistorySourceFactory _histories;

    /// <summary>Creates the service.</summary>
    public ReportService(PreviewService preview, IHistorySourceFactory histories)
    {
        _preview = preview;
        _histories = histories;
    }

    /// <summary>Reports on the window [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="spec"/> for <paramref name="workload"/>.</summary>
    /// <param name="workload">The service.</param>
    /// <param name="spec">The event's spec.</param>
    /// <param name="start">Window start (UTC).</param>
    /// <param name="end">Window end (UTC), in the past.</param>
    /// <param name="decisions">The event's status.decisions (the controller's records), or null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ServiceReport> ReportAsync(
        Workload workload, ScalingEventSpec spec, DateTimeOffset start, DateTimeOffset end, IEnumerable<DecisionEntry>? decisions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(spec);
        var notes = new List<string>();
        var source = _histories.For(workload, out var why);
        var history = source is null ? null : await source.GetHistoryAsync(start - TimeSpan.FromDays(7) - TimeSpan.FromHours(1), end, cancellationToken).ConfigureAwait(false);
        if (history is null)
        {
            notes.Add($"no load history: {(source is null ? why : "the source returned nothing")}");
            return Empty(workload, null, "not measured: no load history", notes);
        }

        var plan = await _preview.PreviewAsync(workload, spec, start, end, [], cancellationToken, start - PlanAhead).ConfigureAwait(false);
        notes.AddRange(plan.Notes);
        double peak = double.NaN, sum = 0, normalSum = 0, overloaded = 0;
        int count = 0, normalCount = 0;
        DateTimeOffset? peakAt = null;
        for (var i = 0; i < history.Count; i++)
        {
            var t = history.TimeAt(i);
            var v = history.Values[i];
            if (!double.IsFinite(v)) continue;
            if (t >= start - TimeSpan.FromDays(7) && t < end - TimeSpan.FromDays(7))
            {
                normalSum += v;
                normalCount++;
            }

            if (t < start || t >= end) continue;
            sum += v;
            count++;
            if (!(v <= peak))
            {
                peak = v;
                peakAt = t;
            }

            var floor = plan.Points.LastOrDefault(p => p.Time <= t)?.Floor ?? 0;
            if (workload.LoadPerReplica is { } perReplica && v > Math.Max(floor, workload.MinReplicas) * perReplica)
            {
                overloaded += history.Step.TotalMinutes;
            }
        }

        if (count == 0)
        {
            notes.Add("no load sample inside the window");
            return Empty(workload, plan.PeakFloor, "not measured: no load sample inside the window", notes);
        }

        if (workload.LoadPerReplica is null) notes.Add($"overloaded minutes need the HPA's {CalendarAnnotations.LoadPerReplica} annotation");
        double? normal = normalCount > 0 ? normalSum / normalCount : null;
        if (normal is null) notes.Add("no load one week earlier: no multiplier");
        double? windowX = normal > 0 ? sum / count / normal : null;
        double? peakX = normal > 0 ? peak / normal : null;
        double? suggested = peakX is { } px ? Math.Clamp(Math.Ceiling(px * 2) / 2, 1.5, EventLimits.MaxMultiplier) : null;
        double? vsPlan = plan.PeakFloor is { } pf && pf > 0 && workload.LoadPerReplica is { } lpr ? Math.Round(peak / (pf * lpr), 2) : null;

        var raised = RaisedFloor.From(decisions, workload.HpaName, start, end);
        var plannedRise = plan.Points.FirstOrDefault(p => p.Floor > 0)?.Time;
        if (raised is null) notes.Add("no RaiseFloor decision record from the controller for this window: the floor and its rise are the plan's");
        var floorTarget = raised?.Floor ?? plan.PeakFloor;
        var raisedAt = raised?.At ?? plannedRise;
        var (measured, words) = await MeasureAsync(workload, history, start, end, floorTarget, raisedAt, cancellationToken).ConfigureAwait(false);
        return new ServiceReport(
            workload.HpaName, workload.DisplayName, peak, peakAt, normal, Round(windowX), Round(peakX), suggested, plan.PeakFloor, vsPlan,
            measured is not null ? measured.OverloadedMinutes : workload.LoadPerReplica is null ? null : overloaded,
            measured is not null ? "ready replicas" : "planned floor",
            floorTarget, raisedAt, measured?.FloorReadyAt, measured?.TimeToCapacity.TotalSeconds, words, notes);
    }

    /// <summary>Core's measurement from the ready-replica history, and the time to capacity in words (or why it was not measured).</summary>
    private async Task<(MeasuredOutcome? Outcome, string Words)> MeasureAsync(
        Workload workload, ForecastHistory load, DateTimeOffset start, DateTimeOffset end, int? floor, DateTimeOffset? raisedAt, CancellationToken cancellationToken)
    {
        if (workload.LoadPerReplica is not { } perReplica)
        {
            return (null, $"not measured: needs the HPA's {CalendarAnnotations.LoadPerReplica} annotation");
        }

        if (_histories.ReplicasFor(workload, out var why) is not { } source)
        {
            return (null, $"not measured: no ready-replica history ({why}; set the HPA's {CalendarAnnotations.ReplicasQuery} annotation)");
        }

        var from = (raisedAt is { } r && r < start ? r : start) - TimeSpan.FromHours(1);
        var ready = await source.GetHistoryAsync(from, end, cancellationToken).ConfigureAwait(false);
        if (ready is null || OutcomeMeter.Measure(load, ready, perReplica, start, end, floor, raisedAt) is not { } outcome)
        {
            return (null, "not measured: no ready-replica sample at the start of the window");
        }

        var c = CultureInfo.InvariantCulture;
        var words = !outcome.CapacityReached
            ? string.Create(c, $"never within the window: the ready replicas did not carry the load before {end:HH:mm}Z")
            : outcome.TimeToCapacity == TimeSpan.Zero
                ? "0 s: the load was covered from the start"
                : string.Create(c, $"{DurationParser.Format(outcome.TimeToCapacity)} after the start");
        if (floor is { } f)
        {
            words += outcome.FloorReadyAt is { } at
                ? string.Create(c, $"; {f} replicas ready at {at:HH:mm}Z, {DurationParser.Format((start - at).Duration())} {(at <= start ? "before" : "after")} the start")
                : string.Create(c, $"; {f} replicas were never ready before the end");
        }

        return (outcome, words);
    }

    private static ServiceReport Empty(Workload workload, int? plannedPeak, string timeToCapacity, List<string> notes) =>
        new(workload.HpaName, workload.DisplayName, null, null, null, null, null, null, plannedPeak, null, null, "planned floor", null, null, null, null, timeToCapacity, notes);

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}
