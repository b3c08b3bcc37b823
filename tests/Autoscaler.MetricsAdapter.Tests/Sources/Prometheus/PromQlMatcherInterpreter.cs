using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

/// <summary>
/// An independent reading of a PromQL label-matcher list (<c>a="x",b=~"y|z"</c>) with Prometheus' rules: its lexer's
/// double-quoted strings (Go escapes; a raw newline or U+FFFD is an error), the four operators, fully anchored
/// regular expressions, and a missing label reading as the empty string. Tests use it to check what a rendered
/// matcher list means, never how it is spelled.
/// </summary>
internal static class PromQlMatcherInterpreter
{
    public sealed record Matcher(string Label, string Op, string Value);

    /// <summary>Parses the whole text; throws <see cref="FormatException"/> when Prometheus would refuse it.</summary>
    public static IReadOnlyList<Matcher> Parse(string text)
    {
        var matchers = new List<Matcher>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            if (i == start || char.IsAsciiDigit(text[start]))
            {
                throw new FormatException($"label name expected at {start} in {text}");
            }

            var label = text[start..i];
            var op = text.AsSpan(i).StartsWith("=~") ? "=~" : text.AsSpan(i).StartsWith("!~") ? "!~" : text.AsSpan(i).StartsWith("!=") ? "!=" : text.AsSpan(i).StartsWith("=") ? "=" : throw new FormatException($"operator expected at {i}");
            i += op.Length;
            var value = ReadString(text, ref i);
            matchers.Add(new Matcher(label, op, value));
            if (i < text.Length)
            {
                if (text[i] != ',')
                {
                    throw new FormatException($"',' expected at {i} in {text}");
                }

                i++;
            }
        }

        return matchers;
    }

    /// <summary>True when a series with <paramref name="labels"/> is selected by every matcher.</summary>
    public static bool Selects(IReadOnlyList<Matcher> matchers, IReadOnlyDictionary<string, string> labels) =>
        matchers.All(m =>
        {
            var actual = labels.TryGetValue(m.Label, out var v) ? v : string.Empty;
            return m.Op switch
            {
                "=" => actual == m.Value,
                "!=" => actual != m.Value,
                "=~" => FullMatch(m.Value, actual),
                _ => !FullMatch(m.Value, actual),
            };
        });

    private static bool FullMatch(string pattern, string value) =>
        Regex.IsMatch(value, "^(?:" + pattern + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    private static string ReadString(string text, ref int i)
    {
        if (i >= text.Length || text[i] != '"')
        {
            throw new FormatException($"'\"' expected at {i}");
        }

        i++;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new FormatException("unterminated quoted string");
            }

            var c = text[i++];
            switch (c)
            {
                case '"':
                    return value.ToString();
                case '\n' or '\ufffd':
                    throw new FormatException($"Prometheus refuses a raw U+{(int)c:X4} in a string");
                case '\\':
                    value.Append(Escape(text, ref i));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
                    {
                        value.Append(c).Append(text[i++]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        throw new FormatException("invalid UTF-8 rune");
                    }
                    else
                    {
                        value.Append(c);
                    }

                    break;
            }
        }
    }

    private static string Escape(string text, ref int i)
    {
        var c = text[i++];
        switch (c)
        {
            case 'a': return "\a";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'n': return "\n";
            case 'r': return "\r";
            case 't': return "\t";
            case 'v': return "\v";
            case '\\': return "\\";
            case '"': return "\"";
            case 'u' or 'U':
                var digits = c == 'u' ? 4 : 8;
                var code = int.Parse(text.AsSpan(i, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                i += digits;
                if (code is >= 0xD800 and < 0xE000 or > 0x10FFFF)
                {
                    throw new FormatException("escape sequence is an invalid Unicode code point");
                }

                return char.ConvertFromUtf32(code);
            default:
                throw new FormatException($"unknown escape sequence \\{c}");
        }
    }
}
