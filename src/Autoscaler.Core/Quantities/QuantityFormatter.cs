using System.Globalization;
using System.Numerics;

namespace Autoscaler.Core.Quantities;

/// <summary>apimachinery's canonical serialisation (PROTOCOLS.md §1.6.5, "Canonical serialisation").</summary>
internal static class QuantityFormatter
{
    private static readonly BigInteger NanosPerUnit = 1_000_000_000;
    private static readonly BigInteger Kibi = 1024;
    private static readonly BigInteger Ten = 10;

    public static string Format(BigInteger nanos, QuantityFormat format)
    {
        if (nanos.IsZero)
        {
            return "0";
        }

        if (format == QuantityFormat.BinarySI && TryFormatBinary(nanos, out var binary))
        {
            return binary;
        }

        // |value| = mantissa × 10^exponent with the mantissa free of factors of ten.
        var mantissa = BigInteger.Abs(nanos);
        var exponent = -9;
        while (mantissa % Ten == 0)
        {
            mantissa /= Ten;
            exponent++;
        }

        // Go lowers the exponent to a multiple of three; decimal SI also stops at E (10^18) since Go has no larger suffix.
        while (exponent % 3 != 0 || (format != QuantityFormat.DecimalExponent && exponent > 18))
        {
            mantissa *= Ten;
            exponent--;
        }

        var sign = nanos.Sign < 0 ? "-" : string.Empty;
        var digits = mantissa.ToString(CultureInfo.InvariantCulture);
        if (format == QuantityFormat.DecimalExponent)
        {
            return exponent == 0 ? sign + digits : string.Create(CultureInfo.InvariantCulture, $"{sign}{digits}e{exponent}");
        }

        return sign + digits + QuantitySuffixes.DecimalSuffix(exponent);
    }

    private static bool TryFormatBinary(BigInteger nanos, out string text)
    {
        text = string.Empty;
        var value = BigInteger.DivRem(nanos, NanosPerUnit, out var fraction);
        // Small or fractional binary quantities print as decimal SI so no precision is lost.
        if (!fraction.IsZero || BigInteger.Abs(value) < Kibi)
        {
            return false;
        }

        var mantissa = BigInteger.Abs(value);
        var power = 0;
        while (power < 6 && mantissa % Kibi == 0)
        {
            mantissa /= Kibi;
            power++;
        }

        text = (value.Sign < 0 ? "-" : string.Empty) + mantissa.ToString(CultureInfo.InvariantCulture) + QuantitySuffixes.BinarySuffix(power);
        return true;
    }
}
