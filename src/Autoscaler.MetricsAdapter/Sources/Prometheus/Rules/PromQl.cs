using System.Text;
using System.Text.RegularExpressions;
using Autoscaler.Core.Labels;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>Builds PromQL label matchers safely: quoted strings, RE2-escaped alternations.</summary>
internal static partial class PromQl
{
    public static string Equal(string label, string value) => $"{label}={Quote(value)}";

    /// <summary><c>label="v"</c> for one value, <c>label=~"a|b"</c> for several (each value matched literally).</summary>
    public static string OneOf(string label, IReadOnlyCollection<string> values) =>
        values.Count == 1 ? Equal(label, values.First()) : $"{label}=~{Quote(string.Join('|', values.Select(EscapeRegex)))}";

    /// <summary>The selector as PromQL matchers, or an error for what PromQL cannot express.</summary>
    public static IReadOnlyList<string> Matchers(LabelSelector selector, out string? error)
    {
        error = null;
        var matchers = new List<string>();
        foreach (var requirement in selector.Requirements)
        {
            if (Matcher(requirement.Key, requirement.Operator, requirement.Values, out error) is not { } one)
            {
                error ??= $"the metric selector requirement '{requirement}' cannot be expressed in PromQL";
                return [];
            }

            matchers.AddRange(one);
        }

        return matchers;
    }

    /// <summary>
    /// One selector requirement as PromQL matchers with the Kubernetes meaning (PROTOCOLS.md §1.7) on Prometheus
    /// series, whatever the values hold: values are quoted (and regex-escaped for sets) so they only ever match
    /// literally. Prometheus has no label that is present but empty, so an empty value is translated, not quoted:
    /// <c>k=""</c> and <c>k in ("")</c> match nothing (rendered as the contradiction <c>k!="",k=""</c>), <c>k!=""</c>
    /// and <c>k notin ("")</c> match everything (no matcher). Returns null and an error for numeric comparisons,
    /// invalid label names and values that are not valid Unicode (which no Prometheus label can hold).
    /// </summary>
    public static IReadOnlyList<string>? Matcher(string key, SelectorOperator op, IReadOnlyList<string> values, out string? error)
    {
        error = null;
        if (!LabelName().IsMatch(key))
        {
            error = $"label '{key}' in the metric selector is not a valid Prometheus label name";
            return null;
        }

        if (values.FirstOrDefault(v => !IsValidUnicode(v)) is { } broken)
        {
            error = $"a value of label '{key}' in the metric selector is not valid Unicode ({broken.Length} UTF-16 units)";
            return null;
        }

        var nonEmpty = values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        string[] nothing = [$"{key}!=\"\"", $"{key}=\"\""];
        switch (op)
        {
            case SelectorOperator.Equals or SelectorOperator.DoubleEquals:
                return nonEmpty.Length == 1 && values.Count == 1 ? [Equal(key, nonEmpty[0])] : nothing;
            case SelectorOperator.NotEquals:
                return nonEmpty.Length == 1 && values.Count == 1 ? [$"{key}!={Quote(nonEmpty[0])}"] : [];
            case SelectorOperator.In:
                return nonEmpty.Length == 0 ? nothing : [$"{key}=~{Quote(string.Join('|', nonEmpty.Select(EscapeRegex)))}"];
            case SelectorOperator.NotIn:
                return nonEmpty.Length == 0 ? [] : [$"{key}!~{Quote(string.Join('|', nonEmpty.Select(EscapeRegex)))}"];
            case SelectorOperator.Exists:
                return [$"{key}!=\"\""];
            case SelectorOperator.DoesNotExist:
                return [$"{key}=\"\""];
            default:
                error = $"the metric selector requirement on '{key}' (numeric comparison) cannot be expressed in PromQL";
                return null;
        }
    }

    /// <summary>
    /// A PromQL double-quoted string literal holding exactly <paramref name="value"/>: backslash and quote escaped,
    /// control characters and U+FFFD (which Prometheus' lexer refuses raw) as <c>\uXXXX</c>.
    /// </summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    text.Append("\\\\");
                    break;
                case '"':
                    text.Append("\\\"");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < ' ' or '\u007f' or '\ufffd' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    private static bool IsValidUnicode(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Escapes RE2 metacharacters so the value matches literally.</summary>
    public static string EscapeRegex(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                text.Append('\\');
            }

            text.Append(c);
        }

        return text.ToString();
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();
}
