using System.Globalization;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;

namespace Autoscaler.Core.Planning;

/// <summary>
/// The pre-scale planner: one pure step that decides the replica floor to hold now so that capacity is ready
/// when scheduled events and forecast load arrive. The HPA stays the actuator; the floor only ever raises its
/// lower bound, so a plan never scales in, and when a floor ends control returns to the HPA and its own
/// scale-down behavior.
/// </summary>
/// <remarks>
/// Rules, for every target time T from <c>now</c> to <c>now + leadTime</c> (every <see cref="PlanInput.Resolution"/>):
/// <list type="bullet">
/// <item>Forecast: <c>replicas(q(T) × (1 + headroom))</c> with q the chosen quantile of the forecast (with events),
/// unless T falls on an exclusion date or <see cref="PlanInput.ForecastFloors"/> is off.</item>
/// <item>Event in force at T (inside [start, end), or a ramp step before start): if the forecast learned this
/// event's uplift from past occurrences of its kind, <c>replicas(q(T) × (1 + headroom))</c> (learned replaces the
/// guess); otherwise the calendar's expectation: an absolute floor (× ramp share), or
/// <c>replicas(normal(T) × multiplier or (1 + bump) × (1 + headroom))</c> where normal is the forecast p50 without
/// events, or the load one week before T when there is no forecast or the trust gate withholds it
/// (<see cref="PlanInput.ForecastTrusted"/> false: nothing learned from the forecast acts).</item>
/// </list>
/// The floor is the largest of these over the window, so it rises <c>leadTime</c> before an event starts and
/// ends with the event. Then bounds: at most maxFloor and the HPA's maxReplicas, and at most maxStepUp above
/// the previous floor (or current replicas). A floor not above the HPA's minReplicas is no floor.
/// Cost: O((leadTime / resolution) × events in the window); no allocation beyond the record when the plan
/// horizon is zero.
/// </remarks>
public static class PreScalePlanner
{
    /// <summary>Runs one step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Quantile outside [0.1, 0.9], negative headroom, non-positive
    /// resolution or plan step, or maxReplicas below minReplicas.</exception>
    public static PlanResult Plan(PlanInput input, PlannerState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(state);
        Validate(input);
        var lead = input.LeadTime.Value;
        var events = input.Calendar.Occurrences(now, now + lead + input.Resolution);
        var need = NeedEvaluator.OverWindow(input, events, now, lead);
        var (floor, reason, wanted) = Bound(input, state, need);
        var applied = input.Mode == PlanningMode.Auto ? floor : null;
        var record = Record(input, now, need, floor, applied, wanted, reason);
        var planned = input.PlanHorizon > TimeSpan.Zero ? PlanAhead(input, now) : [];
        return new PlanResult(floor, applied, planned, record, new PlannerState(floor, now));
    }

    private static void Validate(PlanInput input)
    {
        if (!(input.Quantile >= 0.1 && input.Quantile <= 0.9)) throw new ArgumentOutOfRangeException(nameof(input), input.Quantile, "Quantile must be within [0.1, 0.9].");
        if (!(input.Headroom >= 0) || !double.IsFinite(input.Headroom)) throw new ArgumentOutOfRangeException(nameof(input), input.Headroom, "Headroom must be ≥ 0.");
        if (input.Resolution <= TimeSpan.Zero || input.PlanStep <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(input), "Resolution and PlanStep must be positive.");
        if (input.HpaMaxReplicas < input.HpaMinReplicas) throw new ArgumentOutOfRangeException(nameof(input), "HPA maxReplicas is below minReplicas.");
    }

    private static (int? Floor, DecisionReason Reason, int Wanted) Bound(PlanInput input, PlannerState state, FloorNeed need)
    {
        var wanted = need.Replicas;
        var floor = wanted;
        var reason = need.Reason;
        if (input.Bounds.MaxFloor is { } maxFloor && floor > maxFloor && maxFloor < input.HpaMaxReplicas)
        {
            (floor, reason) = (maxFloor, DecisionReason.MaxFloor);
        }

        if (floor > input.HpaMaxReplicas) (floor, reason) = (input.HpaMaxReplicas, DecisionReason.MaxReplicas);
        if (input.Bounds.MaxStepUp is { } step)
        {
            var from = Math.Max(Math.Max(state.LastFloor ?? 0, input.CurrentReplicas), input.HpaMinReplicas);
            if (floor > from + step) (floor, reason) = (from + step, DecisionReason.MaxStepUp);
        }

        return floor > input.HpaMinReplicas ? (floor, reason, wanted) : (null, DecisionReason.NoFloor, wanted);
    }

    private static List<FloorPoint> PlanAhead(PlanInput input, DateTimeOffset now)
    {
        var points = new List<FloorPoint>();
        var lead = input.LeadTime.Value;
        var events = input.Calendar.Occurrences(now, now + input.PlanHorizon + lead + input.Resolution);
        // Points on the step's epoch-aligned instants (Core's HistoryGrid, the grid the history and the forecast lie on),
        // so a chart shows 12:05, 12:10 ... rather than now's 12:03:41.1159452 plus steps.
        var first = HistoryGrid.Covering(now, now, input.PlanStep, TimeSpan.Zero).Start;
        for (var t = first; t <= now + input.PlanHorizon; t += input.PlanStep)
        {
            var need = NeedEvaluator.OverWindow(input, events, t, lead);
            var floor = Math.Min(need.Replicas, Math.Min(input.HpaMaxReplicas, input.Bounds.MaxFloor ?? int.MaxValue));
            points.Add(floor > input.HpaMinReplicas
                ? new FloorPoint(t, floor, need.Event is { } e ? e.Label : need.Reason.ToString())
                : new FloorPoint(t, 0, "HPA"));
        }

        return points;
    }

    private static DecisionRecord Record(PlanInput input, DateTimeOffset now, FloorNeed need, int? floor, int? applied, int wanted, DecisionReason reason)
    {
        var forecast = input.Forecast?.WithEvents;
        return new DecisionRecord
        {
            Time = now,
            Mode = input.Mode,
            Actuation = input.Actuation,
            Floor = floor,
            AppliedFloor = applied,
            WantedFloor = wanted,
            Reason = reason,
            Detail = Detail(input, need, floor, wanted, reason),
            Event = need.Event?.Label,
            Uplift = need.Uplift,
            Normal = double.IsFinite(need.Normal) ? need.Normal : null,
            NormalSource = need.NormalSource,
            LeadTime = input.LeadTime.Value,
            LeadTimeSource = input.LeadTime.HowComputed,
            HpaMinReplicas = input.HpaMinReplicas,
            HpaMaxReplicas = input.HpaMaxReplicas,
            CurrentReplicas = input.CurrentReplicas,
            Forecast = forecast is null ? null : string.Create(CultureInfo.InvariantCulture, $"{forecast.Model} from {forecast.FirstTarget - forecast.Step:yyyy-MM-dd'T'HH:mm'Z'}"),
            Quantile = input.Quantile,
            Headroom = input.Headroom,
            Capacity = input.Capacity.Description,
            Action = Action(input, floor),
        };
    }

    private static string Detail(PlanInput input, FloorNeed need, int? floor, int wanted, DecisionReason reason)
    {
        var c = CultureInfo.InvariantCulture;
        var basis = need.Reason switch
        {
            DecisionReason.Forecast => string.Create(c, $"forecast p{input.Quantile * 100:0} {need.Load:0.##} at {need.Target:HH:mm}Z × (1 + headroom {input.Headroom}) needs {need.Replicas}"),
            DecisionReason.Event when need.Uplift == UpliftSource.Learned =>
                string.Create(c, $"event {need.Event!.Label}: learned uplift ({input.Forecast!.WithEvents.UpliftFor(need.Event.Kind, need.Event.Start)!.LearnedFrom} past occurrences, replaces {(need.Event.Expected?.ToString() ?? "no stated expectation")}); forecast p{input.Quantile * 100:0} {need.Load:0.##} at {need.Target:HH:mm}Z × (1 + headroom {input.Headroom}) needs {need.Replicas}"),
            DecisionReason.Event when need.Event!.Expected!.Kind == ExpectedLoadKind.AbsoluteFloor =>
                string.Create(c, $"event {need.Event.Label}: stated {need.Event.Expected} (no learned uplift) needs {need.Replicas} at {need.Target:HH:mm}Z"),
            DecisionReason.Event =>
                string.Create(c, $"event {need.Event!.Label}: stated {need.Event.Expected} (no learned uplift) on normal {need.Normal:0.##} ({need.NormalSource}) = {need.Load:0.##} × (1 + headroom {input.Headroom}) needs {need.Replicas} at {need.Target:HH:mm}Z"),
            _ => input.Forecast is null ? "no forecast and no event in force"
                : input.ForecastTrusted ? "neither the forecast nor an event needs more than the HPA's own minReplicas"
                : "no event needs more than the HPA's own minReplicas (the untrusted forecast does not act)",
        };
        return reason switch
        {
            DecisionReason.MaxFloor => string.Create(c, $"{basis}; wanted {wanted}, limited by maxFloor {floor}"),
            DecisionReason.MaxReplicas => string.Create(c, $"{basis}; wanted {wanted}, limited by the HPA's maxReplicas {floor}"),
            DecisionReason.MaxStepUp => string.Create(c, $"{basis}; wanted {wanted}, rising by at most maxStepUp {input.Bounds.MaxStepUp} per step to {floor}"),
            DecisionReason.NoFloor when wanted > 0 => string.Create(c, $"{basis}; not above minReplicas {input.HpaMinReplicas}: no floor"),
            _ => basis,
        };
    }

    private static string Action(PlanInput input, int? floor)
    {
        var via = input.Actuation == FloorActuation.MinReplicas ? "the HPA's minReplicas" : "the floor External metric";
        var what = floor is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"hold a floor of {f} replicas via {via} (HPA minReplicas {input.HpaMinReplicas}, current {input.CurrentReplicas})")
            : string.Create(CultureInfo.InvariantCulture, $"hold no floor: the HPA decides alone (minReplicas {input.HpaMinReplicas})");
        return input.Mode switch
        {
            PlanningMode.Observe => $"observe: would {what}; nothing changed",
            PlanningMode.Recommend => $"recommend: {what}, awaiting approval; nothing changed",
            _ => $"auto: {what}",
        };
    }
}
