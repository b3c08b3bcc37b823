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
            var key = requirement.Key;
            if (!LabelName().IsMatch(key))
            {
                error = $"label '{key}' in the metric selector is not a valid Prometheus label name";
                return [];
            }

            var values = requirement.Values;
            switch (requirement.Operator)
            {
                case SelectorOperator.Equals or SelectorOperator.DoubleEquals:
                    matchers.Add(Equal(key, values[0]));
                    break;
                case SelectorOperator.NotEquals:
                    matchers.Add($"{key}!={Quote(values[0])}");
                    break;
                case SelectorOperator.In:
                    matchers.Add($"{key}=~{Quote(string.Join('|', values.Select(EscapeRegex)))}");
                    break;
                case SelectorOperator.NotIn:
                    matchers.Add($"{key}!~{Quote(string.Join('|', values.Select(EscapeRegex)))}");
                    break;
                case SelectorOperator.Exists:
                    matchers.Add($"{key}!=\"\"");
                    break;
                case SelectorOperator.DoesNotExist:
                    matchers.Add($"{key}=\"\"");
                    break;
                default:
                    error = $"the metric selector requirement '{requirement}' (numeric comparison) cannot be expressed in PromQL";
                    return [];
            }
        }

        return matchers;
    }

    /// <summary>A PromQL double-quoted string literal.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
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
