using System.Numerics;

namespace Autoscaler.Core.Quantities;

/// <summary>The suffix table of PROTOCOLS.md §1.6.5: multipliers expressed as base^exponent.</summary>
internal static class QuantitySuffixes
{
    private static readonly (string Suffix, int Power10)[] DecimalTable =
    [
        ("n", -9), ("u", -6), ("m", -3), (string.Empty, 0), ("k", 3), ("M", 6), ("G", 9), ("T", 12), ("P", 15), ("E", 18),
    ];

    private static readonly string[] BinaryTable = [string.Empty, "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    /// <summary>Interprets a suffix; binary suffixes yield a power of 1024, the others a power of ten.</summary>
    public static bool TryInterpret(string suffix, out QuantityFormat format, out int power10, out int power1024)
    {
        power10 = 0;
        power1024 = 0;
        format = QuantityFormat.DecimalSI;
        foreach (var (s, p) in DecimalTable)
        {
            if (s == suffix)
            {
                power10 = p;
                return true;
            }
        }

        for (var i = 1; i < BinaryTable.Length; i++)
        {
            if (BinaryTable[i] == suffix)
            {
                format = QuantityFormat.BinarySI;
                power1024 = i;
                return true;
            }
        }

        if (suffix.Length >= 2 && (suffix[0] == 'e' || suffix[0] == 'E') && TryParseExponent(suffix.AsSpan(1), out power10))
        {
            format = QuantityFormat.DecimalExponent;
            return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="suffix"/> is an exponent (e/E, optional sign, digits) beyond <see cref="Quantity.MaxExponent"/>.</summary>
    public static bool IsExponentOutOfRange(string suffix)
    {
        if (suffix.Length < 2 || (suffix[0] != 'e' && suffix[0] != 'E')) return false;
        var digits = suffix.AsSpan(suffix[1] is '+' or '-' ? 2 : 1);
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9') && !TryParseExponent(suffix.AsSpan(1), out _);
    }

    /// <summary>The decimal SI suffix for a power of ten that is a multiple of three in [-9, 18].</summary>
    public static string DecimalSuffix(int power10) => DecimalTable.First(e => e.Power10 == power10).Suffix;

    /// <summary>The binary SI suffix for a power of 1024 in [0, 6].</summary>
    public static string BinarySuffix(int power1024) => BinaryTable[power1024];

    /// <summary>10^n as an exact integer.</summary>
    public static BigInteger Pow10(int n) => BigInteger.Pow(10, n);

    private static bool TryParseExponent(ReadOnlySpan<char> text, out int exponent)
    {
        exponent = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            // Exponents beyond this bound describe values no metric can hold; refusing them keeps parsing bounded.
            exponent = exponent * 10 + (c - '0');
            if (exponent > Quantity.MaxExponent)
            {
                return false;
            }
        }

        exponent = negative ? -exponent : exponent;
        return true;
    }
}
