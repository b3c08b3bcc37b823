using System.Numerics;

namespace Autoscaler.Core.Quantities;

/// <summary>
/// Parses the quantity grammar of PROTOCOLS.md §1.6.5: [sign] number [suffix], ASCII digits only and no surrounding
/// whitespace (as apimachinery). Errors quote the input clipped and with control characters escaped, so a hostile
/// string never spreads a message over several lines.
/// </summary>
internal static class QuantityParser
{
    public static bool TryParse(string? text, out Quantity quantity, out string error)
    {
        quantity = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "quantity is empty";
            return false;
        }

        if (text.Length > Quantity.MaxLength)
        {
            error = $"quantity is longer than {Quantity.MaxLength} characters";
            return false;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            error = $"quantity '{Quote(text)}' has leading or trailing whitespace";
            return false;
        }

        var pos = 0;
        var negative = false;
        if (text[0] == '+' || text[0] == '-')
        {
            negative = text[0] == '-';
            pos = 1;
        }

        var intStart = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        var intDigits = text[intStart..pos];
        var fracDigits = string.Empty;
        if (pos < text.Length && text[pos] == '.')
        {
            var fracStart = ++pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            fracDigits = text[fracStart..pos];
        }

        if (intDigits.Length == 0 && fracDigits.Length == 0)
        {
            error = text.Any(char.IsDigit)
                ? $"quantity '{Quote(text)}' has no ASCII digits (only 0-9 count, not other scripts' digits)"
                : $"quantity '{Quote(text)}' has no digits";
            return false;
        }

        var suffix = text[pos..];
        if (!QuantitySuffixes.TryInterpret(suffix, out var format, out var power10, out var power1024))
        {
            error = QuantitySuffixes.IsExponentOutOfRange(suffix)
                ? $"quantity '{Quote(text)}': exponent {Quote(suffix[1..])} is outside -{Quantity.MaxExponent}..{Quantity.MaxExponent}"
                : $"quantity '{Quote(text)}' has an unknown suffix '{Quote(suffix)}' (expected n, u, m, k, M, G, T, P, E, Ki..Ei or e<exponent>)";
            return false;
        }

        var mantissa = BigInteger.Parse(string.Concat(intDigits, fracDigits).PadLeft(1, '0'), System.Globalization.CultureInfo.InvariantCulture);
        if (power1024 > 0)
        {
            mantissa *= BigInteger.Pow(1024, power1024);
        }

        var nanos = Quantity.ScaleToNanos(negative ? -mantissa : mantissa, power10 - fracDigits.Length + 9);
        quantity = Quantity.FromParsed(nanos, format);
        error = string.Empty;
        return true;
    }

    /// <summary>At most 40 characters of <paramref name="text"/>, control and non-ASCII characters as \uXXXX.</summary>
    private static string Quote(string text)
    {
        var clipped = text.Length > 40 ? text[..40] : text;
        var quoted = string.Concat(clipped.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
        return text.Length > 40 ? $"{quoted}... ({text.Length} characters)" : quoted;
    }
}
