using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Forms;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Preview;

/// <summary>
/// The after-event report: the observed load in the window against the same window one week earlier (the multiplier
/// the history suggests for the next event of the kind), and against the floor the planner would have held (the
/// preview replanned as of 8 hours before the start, from history before then).
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
    public async Task<ServiceReport> ReportAsync(Workload workload, ScalingEventSpec spec, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(spec);
        const string notMeasured = "not measured: needs the replica history (scale subresource over time), which the calendar does not read";
        var notes = new List<string>();
        var source = _histories.For(workload, out var why);
        var history = source is null ? null : await source.GetHistoryAsync(start - TimeSpan.FromDays(7) - TimeSpan.FromHours(1), end, cancellationToken).ConfigureAwait(false);
        if (history is null)
        {
            notes.Add($"no load history: {(source is null ? why : "the source returned nothing")}");
            return new ServiceReport(workload.HpaName, workload.DisplayName, null, null, null, null, null, null, null, null, notMeasured, notes);
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
            return new ServiceReport(workload.HpaName, workload.DisplayName, null, null, null, null, null, null, plan.PeakFloor, null, notMeasured, notes);
        }

        if (workload.LoadPerReplica is null) notes.Add($"overloaded minutes need the HPA's {CalendarAnnotations.LoadPerReplica} annotation");
        double? normal = normalCount > 0 ? normalSum / normalCount : null;
        if (normal is null) notes.Add("no load one week earlier: no multiplier");
        double? windowX = normal > 0 ? sum / count / normal : null;
        double? peakX = normal > 0 ? peak / normal : null;
        double? suggested = peakX is { } px ? Math.Clamp(Math.Ceiling(px * 2) / 2, 1.5, EventLimits.MaxMultiplier) : null;
        return new ServiceReport(
            workload.HpaName, workload.DisplayName, peak, peakAt, normal, Round(windowX), Round(peakX), suggested, plan.PeakFloor,
            workload.LoadPerReplica is null ? null : overloaded, notMeasured, notes);
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}
