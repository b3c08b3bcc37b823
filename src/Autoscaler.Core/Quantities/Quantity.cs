using System.Globalization;
using System.Numerics;

namespace Autoscaler.Core.Quantities;

/// <summary>
/// A Kubernetes resource quantity (PROTOCOLS.md §1.6.5): an exact value with nano precision plus the format
/// it is written back in. Parsing and canonical formatting follow apimachinery's rules, so a string that
/// round-trips through this type is exactly what a Go client would print.
/// </summary>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    /// <summary>The largest base-10 exponent accepted on input (bounds the work a hostile string can cause).</summary>
    public const int MaxExponent = 300;

    /// <summary>The longest input accepted, for the same reason.</summary>
    public const int MaxLength = 1024;

    private static readonly BigInteger NanosPerUnit = 1_000_000_000;
    private static readonly BigInteger NanosPerMilli = 1_000_000;
    private static readonly BigInteger BinaryCap = long.MaxValue * NanosPerUnit;

    private readonly BigInteger _nanos;

    private Quantity(BigInteger nanos, QuantityFormat format)
    {
        _nanos = nanos;
        Format = format;
    }

    /// <summary>The zero quantity.</summary>
    public static Quantity Zero => default;

    /// <summary>The format used when writing this quantity out.</summary>
    public QuantityFormat Format { get; }

    /// <summary>The exact value in units of 10^-9.</summary>
    public BigInteger Nanos => _nanos;

    /// <summary>-1, 0 or 1.</summary>
    public int Sign => _nanos.Sign;

    /// <summary>Parses a quantity string; throws <see cref="QuantityFormatException"/> with the reason when invalid.</summary>
    public static Quantity Parse(string text) =>
        QuantityParser.TryParse(text, out var q, out var error) ? q : throw new QuantityFormatException(error);

    /// <summary>Parses a quantity string, returning false and an explanation when it is invalid.</summary>
    public static bool TryParse(string? text, out Quantity quantity, out string error) =>
        QuantityParser.TryParse(text, out quantity, out error);

    /// <summary>A quantity of <paramref name="milli"/> thousandths, in decimal SI format.</summary>
    public static Quantity FromMilli(long milli) => new(milli * NanosPerMilli, QuantityFormat.DecimalSI);

    /// <summary>An exact decimal value (rounded away from zero to nano precision), in decimal SI format.</summary>
    public static Quantity FromDecimal(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = new BigInteger(unchecked((uint)bits[0])) | (new BigInteger(unchecked((uint)bits[1])) << 32) |
                       (new BigInteger(unchecked((uint)bits[2])) << 64);
        if (value < 0)
        {
            mantissa = -mantissa;
        }

        return new(ScaleToNanos(mantissa, 9 - scale), QuantityFormat.DecimalSI);
    }

    /// <summary>
    /// The recommended emitter for metric values: <see cref="MilliFromDouble"/> thousandths, so the HPA's
    /// <c>MilliValue()</c> sees exactly what was meant. NaN, infinities and values of magnitude
    /// <see cref="MaxMagnitude"/> or more are refused with <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public static Quantity FromDouble(double value)
    {
        if (double.IsFinite(value) && Math.Abs(value) >= MaxMagnitude)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a metric value must be below 9.2e15 in magnitude");
        }

        return FromMilli(MilliFromDouble(value));
    }

    /// <summary>
    /// Largest magnitude a double may have for <see cref="FromDouble"/>: its thousandths still fit in 64 bits.
    /// </summary>
    public const double MaxMagnitude = 9.2e15;

    /// <summary>
    /// The one double → milli-units conversion (every host calls this, none multiplies by 1000 itself):
    /// ceil(value × 1000), computed on the double's shortest round-trip decimal digits, so 2.007 is 2007 (as
    /// <c>Parse("2.007").MilliValue()</c> is), not 2008 as <c>Math.Ceiling(2.007 * 1000)</c> gives. Magnitudes of
    /// <see cref="MaxMagnitude"/> or more saturate at <see cref="long.MaxValue"/> / <see cref="long.MinValue"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public static long MilliFromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a metric value must be a finite number");
        }

        if (Math.Abs(value) >= MaxMagnitude)
        {
            return value > 0 ? long.MaxValue : long.MinValue;
        }

        // The shortest round-trip digits ("R") are the number the user wrote: 1.1 is 1100m, not 1101m.
        var exact = decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return (long)decimal.Ceiling(exact * 1000m);
    }

    /// <summary>ceil(value × 1000) as the HPA computes it; throws <see cref="OverflowException"/> beyond 64 bits.</summary>
    public long MilliValue() => checked((long)CeilDiv(_nanos, NanosPerMilli));

    /// <summary>The value as a double (may lose precision).</summary>
    public double ToDouble() => (double)_nanos / 1e9;

    /// <summary>The value as a decimal; throws <see cref="OverflowException"/> when out of decimal's range.</summary>
    public decimal ToDecimal() => (decimal)_nanos / 1_000_000_000m;

    /// <summary>The canonical string, exactly as apimachinery would print it.</summary>
    public override string ToString() => QuantityFormatter.Format(_nanos, Format);

    /// <inheritdoc />
    public bool Equals(Quantity other) => _nanos == other._nanos;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _nanos.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Quantity other) => _nanos.CompareTo(other._nanos);

    /// <summary>Value equality (the format is ignored, as in apimachinery's <c>Equal</c>).</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Less than, by value.</summary>
    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    /// <summary>Greater than, by value.</summary>
    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    /// <summary>Less than or equal, by value.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    /// <summary>Greater than or equal, by value.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;

    /// <summary>Builds a quantity from parsed parts, applying the parse-time normalisation rules.</summary>
    internal static Quantity FromParsed(BigInteger nanos, QuantityFormat format)
    {
        var magnitude = BigInteger.Abs(nanos);
        if (format == QuantityFormat.BinarySI && magnitude > BinaryCap)
        {
            magnitude = BinaryCap;
        }

        if (format == QuantityFormat.BinarySI && magnitude.Sign > 0 && magnitude < NanosPerUnit)
        {
            format = QuantityFormat.DecimalSI;
        }

        return new(nanos.Sign < 0 ? -magnitude : magnitude, format);
    }

    /// <summary>mantissa × 10^power as nanos, rounding a fractional remainder away from zero.</summary>
    internal static BigInteger ScaleToNanos(BigInteger scaledMantissa, int power)
    {
        if (power >= 0)
        {
            return scaledMantissa * QuantitySuffixes.Pow10(power);
        }

        var divisor = QuantitySuffixes.Pow10(-power);
        var quotient = BigInteger.DivRem(BigInteger.Abs(scaledMantissa), divisor, out var rem);
        if (!rem.IsZero)
        {
            quotient += 1;
        }

        return scaledMantissa.Sign < 0 ? -quotient : quotient;
    }

    private static BigInteger CeilDiv(BigInteger value, BigInteger divisor)
    {
        var q = BigInteger.DivRem(value, divisor, out var rem);
        return rem.Sign > 0 ? q + 1 : q;
    }
}
