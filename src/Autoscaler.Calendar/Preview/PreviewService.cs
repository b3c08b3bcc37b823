using System.Globalization;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Hosting;
using Autoscaler.Core.Control;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;
using Microsoft.Extensions.Options;

namespace Autoscaler.Calendar.Preview;

/// <summary>
/// Runs the controller's own unit, Core's <see cref="PreScaleStep"/> (history → forecast → <see cref="PreScalePlanner"/>),
/// in observe mode for the event being typed plus the live events that overlap it, and turns the planned floor into
/// the chart, the "ready by" line and the extra pod-hours. Nothing is written anywhere.
/// </summary>
public sealed class PreviewService
{
    private static readonly TimeSpan MaxAhead = TimeSpan.FromDays(21);
    private readonly IHistorySourceFactory _histories;
    private readonly CalendarOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public PreviewService(IHistorySourceFactory histories, IOptions<CalendarOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _histories = histories;
        _options = options.Value;
        _time = time;
    }

    /// <summary>Previews <paramref name="spec"/> (already validated, resolved to [start, end)) for <paramref name="workload"/>.</summary>
    /// <param name="workload">The service.</param>
    /// <param name="spec">The event's spec.</param>
    /// <param name="start">Start (UTC).</param>
    /// <param name="end">End (UTC).</param>
    /// <param name="others">Live events of the same namespace that target this HPA (their floors combine).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <param name="asOf">Plan as of this time instead of now (the after-event report replans a past event as it was planned); history is read strictly before it.</param>
    public async Task<ServicePreview> PreviewAsync(
        Workload workload, ScalingEventSpec spec, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<V1Alpha1ScalingEvent> others, CancellationToken cancellationToken, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(others);
        var clock = asOf is { } fixedNow ? new FixedTime(fixedNow) : _time;
        var now = clock.GetUtcNow();
        var notes = new List<string>();
        var lead = Lead(spec, notes);
        var zone = LocalTimeResolver.FindZone(spec.TimeZone ?? "UTC", out _) ?? NodaTime.DateTimeZone.Utc;
        var readyBy = string.Create(CultureInfo.InvariantCulture, $"ready by {Local(start - lead.Value, zone)} for a {Local(start, zone)} start");
        if (end - now > MaxAhead)
        {
            notes.Add($"the preview covers events starting within {MaxAhead.TotalDays:0} days");
            return new ServicePreview(workload.HpaName, workload.DisplayName, readyBy, LeadLabel(spec, lead), null, 0, [], [], notes);
        }

        var history = _histories.For(workload, out var why);
        if (history is null) notes.Add($"no load history: {why}; the floor uses the stated expectation only");
        var capacity = CapacityModel.ForHpa(workload.LoadPerReplica);
        if (workload.LoadPerReplica is null && spec.ExpectedLoad.AbsoluteFloor is null)
        {
            notes.Add($"the HPA has no {CalendarAnnotations.LoadPerReplica} annotation: a multiplier cannot be turned into replicas");
        }

        var events = new List<PlannedEvent> { ToPlanned(spec, start, end) };
        foreach (var other in others)
        {
            // The controller's reading of the other event (first window plus repetitions up to until), around this one.
            if (ScalingEventMapping.Map(other.Spec, other.Spec.Description).Series is { } series)
            {
                events.AddRange(series.Occurrences(start - lead.Value - TimeSpan.FromHours(2), end + TimeSpan.FromHours(1)));
            }
        }

        var step = Step(end - now);
        var windowFrom = start - lead.Value - TimeSpan.FromHours(2);
        var horizon = end + TimeSpan.FromHours(1) - now;
        var forecaster = history is not null && ForecasterCatalog.TryCreate(_options.Forecaster, out var f, out _) ? f : null;
        var policy = new PreScalePolicy
        {
            Capacity = capacity,
            LeadTime = lead,
            Calendar = new EventCalendar(events),
            Forecaster = forecaster,
            ForecastFloors = false,
            Mode = PlanningMode.Observe,
            RefitEvery = horizon + TimeSpan.FromHours(1),
            HistoryWindow = DurationParser.TryParse(_options.HistoryWindow, out var w, out _) && w > TimeSpan.Zero ? w : TimeSpan.FromDays(14),
            PlanHorizon = horizon,
            PlanStep = step,
        };
        var view = new FixedWorkload(new WorkloadSnapshot(workload.MinReplicas, workload.MaxReplicas, Math.Max(workload.CurrentReplicas, workload.MinReplicas)));
        var run = new PreScaleStep(policy, history ?? NoHistory.Instance, view, NoActuator.Instance, NoSink.Instance, clock);
        var result = await run.RunOnceAsync(cancellationToken).ConfigureAwait(false);
        var forecast = run.Forecast?.WithEvents;
        if (history is not null && forecast is null) notes.Add("the history is too short or empty to forecast");
        var points = new List<PreviewPoint>();
        var extra = 0.0;
        foreach (var p in result.PlannedFloor.Where(p => p.Time >= windowFrom))
        {
            double? p50 = forecast is null ? null : Finite(PlanForecast.At(forecast, p.Time, 0.5));
            double? p90 = forecast is null ? null : Finite(PlanForecast.At(forecast, p.Time, 0.9));
            var baseline = Math.Max(workload.MinReplicas, p50 is { } l && workload.LoadPerReplica is not null ? capacity.ReplicasFor(l) : 0);
            points.Add(new PreviewPoint(p.Time, p50, p90, p.Floor, baseline));
            if (p.Floor > baseline) extra += (p.Floor - baseline) * step.TotalHours;
        }

        var recent = await Recent(history, now, cancellationToken).ConfigureAwait(false);
        var peak = points.Count == 0 ? 0 : points.Max(p => p.Floor);
        return new ServicePreview(
            workload.HpaName, workload.DisplayName, readyBy, LeadLabel(spec, lead), peak > 0 ? peak : null, Math.Round(extra, 1), recent, points, notes);
    }

    // What the page shows after "lead time": an explicit one as Core words it ("explicit 10m"); for auto what the
    // preview assumed, never "explicit 5m" (the user wrote auto; the controller will measure it).
    private static string LeadLabel(ScalingEventSpec spec, LeadTime lead) =>
        IsExplicit(spec) ? lead.HowComputed : $"auto (the preview assumes {DurationParser.Format(lead.Value)}; the controller measures pod start-up)";

    private static bool IsExplicit(ScalingEventSpec spec) =>
        spec.LeadTime is { } text && text != "auto" && DurationParser.TryParse(text, out _, out _);

    private LeadTime Lead(ScalingEventSpec spec, List<string> notes)
    {
        if (spec.LeadTime is { } text && text != "auto" && DurationParser.TryParse(text, out var explicitLead, out _)) return LeadTime.Explicit(explicitLead);
        var fallback = DurationParser.TryParse(_options.DefaultLeadTime, out var d, out _) ? d : TimeSpan.FromMinutes(5);
        notes.Add($"lead time auto: the controller measures pod startup; the preview assumes the calendar's default {DurationParser.Format(fallback)}");
        return LeadTime.Explicit(fallback);
    }

    private static PlannedEvent ToPlanned(ScalingEventSpec spec, DateTimeOffset start, DateTimeOffset end) =>
        new(start, end, spec.Kind, ScalingEventMapping.Expected(spec.ExpectedLoad)) { Description = spec.Description };

    private static TimeSpan Step(TimeSpan ahead)
    {
        var minutes = Math.Max(5, (int)Math.Ceiling(ahead.TotalMinutes / 600 / 5) * 5);
        return TimeSpan.FromMinutes(minutes);
    }

    private static async Task<IReadOnlyList<RecentPoint>> Recent(IHistorySource? history, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (history is null) return [];
        var h = await history.GetHistoryAsync(now - TimeSpan.FromHours(24), now, cancellationToken).ConfigureAwait(false);
        if (h is null) return [];
        var list = new List<RecentPoint>(h.Count);
        for (var i = 0; i < h.Count; i++)
        {
            if (double.IsFinite(h.Values[i])) list.Add(new RecentPoint(h.TimeAt(i), h.Values[i]));
        }

        return list;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string Local(DateTimeOffset instant, NodaTime.DateTimeZone zone) =>
        NodaTime.Instant.FromDateTimeOffset(instant).InZone(zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class FixedWorkload(WorkloadSnapshot snapshot) : IWorkloadView
    {
        public ValueTask<WorkloadSnapshot> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(snapshot);
    }

    private sealed class NoActuator : IFloorActuator
    {
        public static readonly NoActuator Instance = new();

        public ValueTask ApplyAsync(int? floor, FloorActuation actuation, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class NoSink : IDecisionSink
    {
        public static readonly NoSink Instance = new();

        public ValueTask WriteAsync(DecisionRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
