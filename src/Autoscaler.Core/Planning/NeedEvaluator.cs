using Autoscaler.Core.Decisions;

namespace Autoscaler.Core.Planning;

/// <summary>
/// The rules that turn an event or the forecast into replicas at one target time (see <see cref="PreScalePlanner"/>).
/// </summary>
internal static class NeedEvaluator
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The largest need over target times <paramref name="from"/> .. <paramref name="from"/> + <paramref name="lead"/> (both ends).</summary>
    public static FloorNeed OverWindow(PlanInput input, IReadOnlyList<PlannedEvent> events, DateTimeOffset from, TimeSpan lead)
    {
        var best = FloorNeed.None;
        var end = from + lead;
        for (var t = from; t < end; t += input.Resolution) best = best.Max(At(input, events, t));
        return best.Max(At(input, events, end));
    }

    /// <summary>The largest need of any source at target time <paramref name="t"/>.</summary>
    public static FloorNeed At(PlanInput input, IReadOnlyList<PlannedEvent> events, DateTimeOffset t)
    {
        var best = FloorNeed.None;
        var forecast = Trusted(input);
        var factor = 1 + input.Headroom;
        if (input.ForecastFloors && forecast is not null && !input.Calendar.IsExcluded(t))
        {
            var load = PlanForecast.At(forecast.WithEvents, t, input.Quantile);
            if (double.IsFinite(load))
            {
                best = new FloorNeed(input.Capacity.ReplicasFor(load * factor), DecisionReason.Forecast, t, load, null, UpliftSource.None, double.NaN, null);
            }
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var share = e.ShareAt(t);
            if (share > 0) best = best.Max(ForEvent(input, e, share, t, factor));
        }

        return best;
    }

    private static FloorNeed ForEvent(PlanInput input, PlannedEvent e, double share, DateTimeOffset t, double factor)
    {
        var forecast = Trusted(input);
        if (forecast?.WithEvents.UpliftFor(e.Kind, e.Start) is { Learned: true })
        {
            // Past occurrences replace the guess: the forecast already carries the learned uplift (ramp and tail included).
            var learned = PlanForecast.At(forecast.WithEvents, t, input.Quantile);
            if (double.IsFinite(learned))
            {
                return new FloorNeed(input.Capacity.ReplicasFor(learned * factor), DecisionReason.Event, t, learned, e, UpliftSource.Learned, double.NaN, null);
            }
        }

        if (e.Expected is not { } expected) return FloorNeed.None;
        if (expected.Kind == ExpectedLoadKind.AbsoluteFloor)
        {
            var replicas = (int)Math.Ceiling(Math.Min(int.MaxValue, share * expected.Value));
            return new FloorNeed(replicas, DecisionReason.Event, t, double.NaN, e, UpliftSource.Expected, double.NaN, null);
        }

        var (normal, source) = Normal(input, t);
        if (!double.IsFinite(normal)) return FloorNeed.None;
        var load = expected.LoadFor(normal, share);
        return new FloorNeed(input.Capacity.ReplicasFor(load * factor), DecisionReason.Event, t, load, e, UpliftSource.Expected, normal, source);
    }

    /// <summary>
    /// Normal load at <paramref name="t"/>: the forecast's p50 without the event, else (no forecast, or one the trust gate
    /// withholds: <see cref="PlanInput.ForecastTrusted"/>) the load one week earlier.
    /// </summary>
    public static (double Load, string? Source) Normal(PlanInput input, DateTimeOffset t)
    {
        if (Trusted(input)?.WithoutEvents is { } baseline)
        {
            var p50 = PlanForecast.At(baseline, t, 0.5);
            if (double.IsFinite(p50)) return (p50, $"forecast p50 without the event ({baseline.Model})");
        }

        if (input.RecentHistory is { } history)
        {
            var index = (int)Math.Floor((t - Week - history.Start) / history.Step);
            if (index >= 0 && index < history.Count && double.IsFinite(history.Values[index]))
            {
                return (history.Values[index], "same time one week earlier (observed)");
            }
        }

        return (double.NaN, null);
    }

    // The forecast the plan may act on: none while the trust gate withholds it.
    private static PlanForecast? Trusted(PlanInput input) => input.ForecastTrusted ? input.Forecast : null;
}
