using Autoscaler.Core.Forecasting.Models;
using Autoscaler.Core.Forecasting.Numerics;
using Autoscaler.Core.Forecasting.Quantiles;

namespace Autoscaler.Core.Forecasting.Events;

/// <summary>
/// Learns the uplift of an event kind as the base model's own error around its past occurrences: for the
/// event the forecast covers, with the origin at offset o from its start, every past occurrence of the kind
/// is replayed from the same offset o, and the median ratio actual / forecast per lead becomes the
/// multiplier. Ramp before, peak after the end, and the level the forecast already anchors to are all in
/// that ratio, and nothing the base model already predicts is counted twice. Residuals around the
/// occurrences (leave-one-out) calibrate the quantiles. Without past occurrences the event's
/// expected multiplier applies inside [start, end).
/// </summary>
internal static class EventUplift
{
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
        var first = TimeOf(n);
        var lastTarget = TimeOf(n + leads - 1);
        var active = events
            .Where(e => e.Start - options.Before <= lastTarget && e.End + options.After >= first)
            .OrderByDescending(e => e.Start)
            .ThenBy(e => e.Kind, StringComparer.Ordinal)
            .FirstOrDefault();
        if (active is null)
        {
            return null;
        }

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
        return new EventAdjustment(multipliers, useOwn ? offsets : null, detail)
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
