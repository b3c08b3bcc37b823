namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>Either a value or an expected <see cref="MetricError"/> (failures are values, not exceptions).</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct MetricResult<T>
{
    private readonly T? _value;

    private MetricResult(T? value, MetricError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The failure, or null on success.</summary>
    public MetricError? Error { get; }

    /// <summary>True when a value is present.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws <see cref="MetricProviderException"/> when this is a failure.</summary>
    public T Value => Error is null ? _value! : throw new MetricProviderException(Error);

    /// <summary>A successful result.</summary>
    public static MetricResult<T> Success(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static MetricResult<T> Failure(MetricError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Wraps a value.</summary>
    public static implicit operator MetricResult<T>(T value) => Success(value);

    /// <summary>Wraps an error.</summary>
    public static implicit operator MetricResult<T>(MetricError error) => Failure(error);
}
