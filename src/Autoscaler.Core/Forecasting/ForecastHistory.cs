namespace Autoscaler.Core.Forecasting;

/// <summary>
/// A regular-grid history that ends just before a forecast origin: value <c>i</c> was observed at
/// <see cref="Start"/> + i × <see cref="Step"/>; <see cref="double.NaN"/> marks a missing sample.
/// </summary>
public sealed class ForecastHistory
{
    private readonly double[] _values;

    /// <summary>Creates a history from a copy of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is not positive.</exception>
    public ForecastHistory(DateTimeOffset start, TimeSpan step, ReadOnlySpan<double> values)
    {
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The grid step must be positive.");
        }

        Start = start;
        Step = step;
        _values = values.ToArray();
    }

    /// <summary>Time of the first sample.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Grid spacing.</summary>
    public TimeSpan Step { get; }

    /// <summary>The samples, oldest first; NaN where missing.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Number of grid points (missing ones included).</summary>
    public int Count => _values.Length;

    /// <summary>Time of grid point <paramref name="index"/> (may lie beyond the history).</summary>
    public DateTimeOffset TimeAt(int index) => Start + (Step * index);
}
