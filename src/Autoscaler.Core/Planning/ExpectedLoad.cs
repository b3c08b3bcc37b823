namespace Autoscaler.Core.Planning;

/// <summary>A product manager's statement of an event's load; "normal" is defined in <see cref="PreScalePlanner"/>.</summary>
/// <param name="Kind">How <paramref name="Value"/> is read.</param>
/// <param name="Value">Multiplier (&gt; 0), relative bump (&gt; −1) or replica floor (≥ 0, whole).</param>
public sealed record ExpectedLoad(ExpectedLoadKind Kind, double Value)
{
    /// <summary>"About <paramref name="factor"/>× normal".</summary>
    public static ExpectedLoad Multiplier(double factor) => new(ExpectedLoadKind.Multiplier, factor);

    /// <summary>"+<paramref name="fraction"/> over normal" (0.4 = +40 %).</summary>
    public static ExpectedLoad Bump(double fraction) => new(ExpectedLoadKind.RelativeBump, fraction);

    /// <summary>Hold at least <paramref name="replicas"/> replicas.</summary>
    public static ExpectedLoad Floor(int replicas) => new(ExpectedLoadKind.AbsoluteFloor, replicas);

    /// <summary>The load at <paramref name="share"/> of the way from normal to this event's level (ramp steps use share &lt; 1).</summary>
    public double LoadFor(double normal, double share) => Kind switch
    {
        ExpectedLoadKind.Multiplier => normal * (1 + (share * (Value - 1))),
        ExpectedLoadKind.RelativeBump => normal * (1 + (share * Value)),
        _ => double.NaN,
    };

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ExpectedLoadKind.Multiplier => FormattableString.Invariant($"×{Value} normal"),
        ExpectedLoadKind.RelativeBump => FormattableString.Invariant($"{Value * 100:+0.#;-0.#} % over normal"),
        _ => FormattableString.Invariant($"floor of {Value} replicas"),
    };
}
