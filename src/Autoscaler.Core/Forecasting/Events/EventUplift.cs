using Autoscaler.Core.Forecasting.Models;
using Autoscaler.Core.Forecasting.Numerics;
using Autoscaler.Core.Forecasting.Quantiles;

namespace Autoscaler.Core.Forecasting.Events;

/// <summary>
/// Learns the uplift of an event kind as the base model's own error around its past occurrences: for each
/// event the forecast covers (each lead belongs to at most one, <see cref="Governing"/>), with the origin at offset o
/// from its start, every past occurrence of the kind
/// is replayed from the same offset o, and the median ratio actual / forecast per lead becomes the
/// multiplier. Ramp before, peak after the end, and the level the forecast already anchors to are all in
/// that ratio, and nothing the base model already predicts is counted twice. Residuals around the
/// occurrences (leave-one-out) calibrate the quantiles. Without past occurrences the event's
/// expected multiplier applies inside [start, end).
/// </summary>
internal static class EventUplift
{
    /// <summary>
    /// The adjustment of a forecast of <paramref name="leads"/> steps from the end of the history. Each lead is governed
    /// by one event (<see cref="Governing"/>) and takes that event's multiplier (and its own quantiles when learned from
    /// enough occurrences); leads no event window holds keep 1. So a longer horizon never changes the leads a shorter
    /// one covers (until session 4 one event, the latest one whose window touched any lead, set every lead: a horizon
    /// reaching the next event's ramp took the running event's leads from it). Null when no lead is adjusted.
    /// </summary>
    public static EventAdjustment? Adjust(
        SeriesContext context,
        DateTimeOffset historyStart,
        IReadOnlyList<ScheduledEvent> events,
        IFittedModel baseModel,
        int leads,
        EventUpliftOptions options)
    {
        var n = context.Count;
        var step = context.Step;
        DateTimeOffset TimeOf(int i) => historyStart + (step * i);
        var multipliers = new double[leads];
        Array.Fill(multipliers, 1.0);
        var own = new QuantileOffsets?[leads];
        var parts = new List<(ScheduledEvent Event, EventAdjustment? Adjustment, double Min, double Max)>();
        for (var h = 0; h < leads; h++)
        {
            if (Governing(events, TimeOf(n + h), options) is not { } active) continue;
            var index = parts.FindIndex(p => p.Event.Start == active.Start && p.Event.Kind == active.Kind);
            if (index < 0)
            {
                parts.Add((active, ForEvent(context, historyStart, events, baseModel, leads, options, active), double.PositiveInfinity, double.NegativeInfinity));
                index = parts.Count - 1;
            }

            var part = parts[index];
            if (part.Adjustment is not { } adjustment) continue;
            multipliers[h] = adjustment.Multipliers[h];
            own[h] = adjustment.Offsets?[h];
            parts[index] = part with { Min = Math.Min(part.Min, multipliers[h]), Max = Math.Max(part.Max, multipliers[h]) };
        }

        var used = parts.Where(p => p.Adjustment is not null).ToList();
        if (used.Count == 0) return null;
        var uplifts = used.Select(p => p.Adjustment!.Uplift! with { MinMultiplier = p.Min, MaxMultiplier = p.Max }).ToList();
        return new EventAdjustment(multipliers, own.Any(o => o is not null) ? own : null, string.Join("; ", used.Select(p => p.Adjustment!.Detail)))
        {
            Uplift = uplifts[0],
            Uplifts = uplifts,
        };
    }

    /// <summary>
    /// The one event that governs target time <paramref name="t"/>: among the events whose window
    /// [start − <see cref="EventUpliftOptions.Before"/>, end + <see cref="EventUpliftOptions.After"/>] holds it, the one
    /// in progress at <paramref name="t"/>, else the one nearest in time (to its start when ahead, to its end when past);
    /// ties go to the later start, then to the kind in ordinal order. Null when no window holds it.
    /// </summary>
    public static ScheduledEvent? Governing(IReadOnlyList<ScheduledEvent> events, DateTimeOffset t, EventUpliftOptions options)
    {
        ScheduledEvent? best = null;
        var bestDistance = TimeSpan.MaxValue;
        foreach (var e in events)
        {
            if (e.Start - options.Before > t || e.End + options.After < t) continue;
            var distance = t < e.Start ? e.Start - t : t >= e.End ? t - e.End : TimeSpan.Zero;
            var better = best is null
                || distance < bestDistance
                || (distance == bestDistance && (e.Start > best.Start || (e.Start == best.Start && string.CompareOrdinal(e.Kind, best.Kind) < 0)));
            if (better)
            {
                best = e;
                bestDistance = distance;
            }
        }

        return best;
    }

    // One event's adjustment over every lead: learned from its past occurrences replayed from the same offset, or its
    // expected multiplier inside [start, end); null when it has neither.
    private static EventAdjustment? ForEvent(
        SeriesContext context,
        DateTimeOffset historyStart,
        IReadOnlyList<ScheduledEvent> events,
        IFittedModel baseModel,
        int leads,
        EventUpliftOptions options,
        ScheduledEvent active)
    {
        var n = context.Count;
        var step = context.Step;
        DateTimeOffset TimeOf(int i) => historyStart + (step * i);
        var first = TimeOf(n);
        var offset = first - active.Start;
        var occurrences = events
            .Where(e => e.Kind == active.Kind && e.Start < active.Start)
            .Select(e => e.Start)
            .Distinct()
            .Select(s => (int)Math.Round((s + offset - historyStart) / step))
            .Where(i => i >= baseModel.MinOrigin && i + leads <= n)
            .Order()
            .ToList();
        if (occurrences.Count >= options.MinOccurrences)
        {
            return Learned(context, baseModel, leads, occurrences, active, options);
        }

        if (active.ExpectedMultiplier is { } multiplier)
        {
            double At(DateTimeOffset t) => t >= active.Start && t < active.End ? multiplier : 1.0;
            var now = At(TimeOf(n - 1));
            var multipliers = Enumerable.Range(0, leads).Select(h => At(TimeOf(n + h)) / now).ToArray();
            return new EventAdjustment(multipliers, null, $"{active.Kind}@{active.Start:O}: expected ×{multiplier}")
            {
                Uplift = new ForecastEventUplift(active.Kind, active.Start, 0, multiplier, multiplier),
            };
        }

        return null;
    }

    private static EventAdjustment Learned(
        SeriesContext context, IFittedModel baseModel, int leads, List<int> occurrences, ScheduledEvent active, EventUpliftOptions options)
    {
        var y = context.Values;
        var ratios = new double[occurrences.Count][];
        var bases = new double[occurrences.Count][];
        for (var k = 0; k < occurrences.Count; k++)
        {
            var o = occurrences[k];
            bases[k] = new double[leads];
            baseModel.Forecast(o, bases[k]);
            ratios[k] = new double[leads];
            for (var h = 0; h < leads; h++)
            {
                ratios[k][h] = Math.Abs(bases[k][h]) > 1e-9 ? y[o + h] / bases[k][h] : double.NaN;
            }
        }

        var multipliers = new double[leads];
        for (var h = 0; h < leads; h++)
        {
            multipliers[h] = MedianRatio(ratios, h, skip: -1);
        }

        // Leave-one-out: each occurrence is judged by the profile learned from the others.
        var residuals = new List<double[]>(occurrences.Count);
        for (var k = 0; k < occurrences.Count; k++)
        {
            var scale = context.ScaleBefore(occurrences[k]);
            var row = new double[leads];
            for (var h = 0; h < leads; h++)
            {
                row[h] = (y[occurrences[k] + h] - (MedianRatio(ratios, h, k) * bases[k][h])) / scale;
            }

            residuals.Add(row);
        }

        var offsets = QuantileOffsets.FromResiduals(residuals, leads, pool: 2);
        var useOwn = occurrences.Count >= options.OwnQuantilesFrom;
        var detail = $"{active.Kind}@{active.Start:O}: learned from {occurrences.Count} occurrences, ×{multipliers.Min():0.00}..{multipliers.Max():0.00}";
        return new EventAdjustment(multipliers, useOwn ? Enumerable.Repeat<QuantileOffsets?>(offsets, leads).ToArray() : null, detail)
        {
            Uplift = new ForecastEventUplift(active.Kind, active.Start, occurrences.Count, multipliers.Min(), multipliers.Max()),
        };
    }

    private static double MedianRatio(double[][] ratios, int h, int skip)
    {
        Span<double> values = stackalloc double[ratios.Length];
        var count = 0;
        for (var k = 0; k < ratios.Length; k++)
        {
            if (k != skip && double.IsFinite(ratios[k][h]))
            {
                values[count++] = ratios[k][h];
            }
        }

        return count == 0 ? 1.0 : QuantileMath.QuantileInPlace(values[..count], 0.5);
    }
}
