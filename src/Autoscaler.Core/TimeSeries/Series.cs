namespace Autoscaler.Core.TimeSeries;

/// <summary>
/// An immutable time series: strictly increasing UTC timestamps, each with one finite value.
/// Backed by two arrays so hot loops (replay, forecasting) read spans without allocating.
/// </summary>
public sealed class Series
{
    private readonly DateTime[] _times;
    private readonly double[] _values;

    private Series(DateTime[] times, double[] values)
    {
        _times = times;
        _values = values;
    }

    /// <summary>The series with no points.</summary>
    public static Series Empty { get; } = new([], []);

    /// <summary>Number of points.</summary>
    public int Count => _times.Length;

    /// <summary>The timestamps, strictly increasing, all <see cref="DateTimeKind.Utc"/>.</summary>
    public ReadOnlySpan<DateTime> Times => _times;

    /// <summary>The values, aligned with <see cref="Times"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The first timestamp. Throws on an empty series.</summary>
    public DateTime Start => Count > 0 ? _times[0] : throw new InvalidOperationException("The series is empty.");

    /// <summary>The last timestamp. Throws on an empty series.</summary>
    public DateTime End => Count > 0 ? _times[^1] : throw new InvalidOperationException("The series is empty.");

    /// <summary>Creates a series, copying the inputs. Throws <see cref="ArgumentException"/> when the
    /// timestamps are not UTC or not strictly increasing, the lengths differ, or a value is not finite.</summary>
    public static Series Create(ReadOnlySpan<DateTime> times, ReadOnlySpan<double> values)
    {
        if (times.Length != values.Length)
        {
            throw new ArgumentException($"{times.Length} timestamps but {values.Length} values.", nameof(values));
        }

        for (var i = 0; i < times.Length; i++)
        {
            if (times[i].Kind != DateTimeKind.Utc)
            {
                throw new ArgumentException($"Timestamp {i} ({times[i]:O}) is not UTC.", nameof(times));
            }

            if (i > 0 && times[i] <= times[i - 1])
            {
                throw new ArgumentException($"Timestamp {i} ({times[i]:O}) does not follow {times[i - 1]:O}.", nameof(times));
            }

            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Value {i} is not finite.", nameof(values));
            }
        }

        return new Series(times.ToArray(), values.ToArray());
    }

    /// <summary>Creates a series from points already sorted by time (see <see cref="Create(ReadOnlySpan{DateTime}, ReadOnlySpan{double})"/>).</summary>
    public static Series Create(IReadOnlyList<TimedValue> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var times = new DateTime[points.Count];
        var values = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            times[i] = points[i].Time;
            values[i] = points[i].Value;
        }

        return Create(times, values);
    }

    /// <summary>The index of the last point at or before <paramref name="time"/>, or -1 when every point is later.</summary>
    public int IndexAtOrBefore(DateTime time)
    {
        var i = Array.BinarySearch(_times, time);
        return i >= 0 ? i : ~i - 1;
    }

    /// <summary>The points with <paramref name="from"/> ≤ time &lt; <paramref name="to"/> (either bound may be null).</summary>
    public Series Slice(DateTime? from, DateTime? to)
    {
        var lo = from is { } f ? LowerBound(f) : 0;
        var hi = to is { } t ? LowerBound(t) : Count;
        if (hi <= lo)
        {
            return Empty;
        }

        return lo == 0 && hi == Count ? this : new Series(_times[lo..hi], _values[lo..hi]);
    }

    /// <summary>
    /// A series with the same timestamps and every value multiplied by <paramref name="factor"/>. Throws
    /// <see cref="ArgumentOutOfRangeException"/> for a non-finite factor and <see cref="OverflowException"/> when a
    /// product is not finite (1e308 × 60): the result keeps the invariant that every value is finite.
    /// </summary>
    public Series Scale(double factor)
    {
        if (!double.IsFinite(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), "The factor must be finite.");
        }

        var values = new double[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _values[i] * factor;
            if (!double.IsFinite(values[i]))
            {
                throw new OverflowException($"Value {i} ({_values[i]:R}) times {factor:R} is not finite.");
            }
        }

        return new Series(_times, values);
    }

    private int LowerBound(DateTime time)
    {
        var i = Array.BinarySearch(_times, time);
        return i >= 0 ? i : ~i;
    }
}
