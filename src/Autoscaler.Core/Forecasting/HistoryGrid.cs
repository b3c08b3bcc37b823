namespace Autoscaler.Core.Forecasting;

/// <summary>
/// THE grid a forecaster's history is read on, in every host (the controller's Prometheus and push-store readers, the
/// simulator's replayed trace, the calendar's previews), so the same load gives the same forecast everywhere. Points
/// lie on the step's epoch-aligned instants <c>Unix epoch + k × Step</c> (so the grid does not depend on the instant a
/// read happens to start); the first is the first such instant at or after <c>from</c>. A point stamped <c>t</c> stands
/// for the step that begins at <c>t</c> and is known once that step has ended and the source's delay has passed:
/// it is included when <c>t + Step + delay ≤ to</c> (so never a point at or after <c>to</c>).
/// </summary>
/// <param name="Start">The first point's time (UTC, a multiple of <paramref name="Step"/> since the Unix epoch).</param>
/// <param name="Step">Spacing (&gt; 0).</param>
/// <param name="Count">Number of points (0: none known yet).</param>
public sealed record HistoryGrid(DateTimeOffset Start, TimeSpan Step, int Count)
{
    /// <summary>The grid for a read of <c>[from, to)</c>.</summary>
    /// <param name="from">Earliest instant wanted.</param>
    /// <param name="to">The reading's now: nothing at or after it.</param>
    /// <param name="step">Grid step (&gt; 0; Prometheus needs whole seconds, so hosts pass whole seconds).</param>
    /// <param name="delay">How long after its step ended a point is known (≥ 0): zero for a live source that only holds
    /// what has arrived (Prometheus, the push store); the metric pipeline's delay for a replayed trace, which also holds
    /// the future.</param>
    /// <exception cref="ArgumentOutOfRangeException">The step is not positive or the delay is negative.</exception>
    public static HistoryGrid Covering(DateTimeOffset from, DateTimeOffset to, TimeSpan step, TimeSpan delay)
    {
        if (step <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(step), step, "The grid step must be positive.");
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay must not be negative.");
        var sinceEpoch = from.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var offset = sinceEpoch % step.Ticks;
        if (offset < 0) offset += step.Ticks;
        var start = new DateTimeOffset(from.UtcTicks + (offset == 0 ? 0 : step.Ticks - offset), TimeSpan.Zero);
        var lastKnown = to.UtcTicks - delay.Ticks - step.Ticks;
        var count = lastKnown < start.UtcTicks ? 0 : (int)(((lastKnown - start.UtcTicks) / step.Ticks) + 1);
        return new HistoryGrid(start, step, count);
    }

    /// <summary>Time of point <paramref name="index"/>.</summary>
    public DateTimeOffset TimeAt(int index) => Start + (Step * index);

    /// <summary>The last point's time (undefined when <see cref="Count"/> is 0: then <see cref="Start"/> − Step).</summary>
    public DateTimeOffset Last => TimeAt(Count - 1);

    /// <summary>The index of the point nearest <paramref name="time"/>, or −1 when it lies off the grid's range.</summary>
    public int IndexOf(DateTimeOffset time)
    {
        var index = (long)Math.Round((time - Start) / Step);
        return index >= 0 && index < Count ? (int)index : -1;
    }

    /// <summary>The history on this grid from <paramref name="values"/> (one per point, NaN where missing).</summary>
    /// <exception cref="ArgumentException">The number of values is not <see cref="Count"/>.</exception>
    public ForecastHistory With(ReadOnlySpan<double> values) =>
        values.Length == Count ? new ForecastHistory(Start, Step, values) : throw new ArgumentException($"{values.Length} values for a grid of {Count} points.", nameof(values));
}
