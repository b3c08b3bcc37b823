using System.Text;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>
/// The subset of Go's text/template that prometheus-adapter configurations use: literal text and field
/// references such as <c>&lt;&lt;.Series&gt;&gt;</c>. Anything else is refused when the file loads, never
/// half-rendered at query time.
/// </summary>
internal sealed class QueryTemplate
{
    private readonly IReadOnlyList<(bool IsField, string Text)> _parts;

    private QueryTemplate(string source, IReadOnlyList<(bool IsField, string Text)> parts)
    {
        Source = source;
        _parts = parts;
    }

    public string Source { get; }

    public IEnumerable<string> Fields => _parts.Where(p => p.IsField).Select(p => p.Text);

    /// <summary>Parses <paramref name="source"/>; returns null and an error naming the offending action otherwise.</summary>
    public static QueryTemplate? Compile(string source, IReadOnlySet<string> allowedFields, out string? error)
    {
        error = null;
        var parts = new List<(bool, string)>();
        var position = 0;
        while (position < source.Length)
        {
            var open = source.IndexOf("<<", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((false, source[position..]));
                break;
            }

            var close = source.IndexOf(">>", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"unclosed template action at offset {open}";
                return null;
            }

            var leftTrim = source.AsSpan(open + 2).StartsWith("- ");
            var action = source[(open + 2)..close].Trim().Trim('-').Trim();
            var rightTrim = source[..close].EndsWith(" -", StringComparison.Ordinal);
            var literal = source[position..open];
            parts.Add((false, leftTrim ? literal.TrimEnd() : literal));
            if (!action.StartsWith('.') || !allowedFields.Contains(action[1..]))
            {
                error = $"unsupported template action '<<{action}>>' (supported: {string.Join(", ", allowedFields.Order(StringComparer.Ordinal).Select(f => "<<." + f + ">>"))})";
                return null;
            }

            parts.Add((true, action[1..]));
            position = close + 2;
            if (rightTrim)
            {
                while (position < source.Length && char.IsWhiteSpace(source[position]))
                {
                    position++;
                }
            }
        }

        return new QueryTemplate(source, parts);
    }

    /// <summary>
    /// Renders the template. A field in <paramref name="listFields"/> that renders empty takes one adjacent comma
    /// with it, so <c>{&lt;&lt;.LabelMatchers&gt;&gt;, queue=~"q.*"}</c> with no matchers is <c>{queue=~"q.*"}</c>, never
    /// the invalid <c>{, queue=~"q.*"}</c>.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, string> values, IReadOnlySet<string>? listFields = null)
    {
        var text = new StringBuilder();
        var dropLeadingComma = false;
        for (var i = 0; i < _parts.Count; i++)
        {
            var (isField, part) = _parts[i];
            if (!isField)
            {
                text.Append(dropLeadingComma ? WithoutLeadingComma(part) : part);
                dropLeadingComma = false;
                continue;
            }

            var value = values[part];
            text.Append(value);
            if (value.Length > 0 || listFields is null || !listFields.Contains(part))
            {
                continue;
            }

            var before = LastNonSpace(text);
            var after = i + 1 < _parts.Count && !_parts[i + 1].IsField ? _parts[i + 1].Text.TrimStart() : string.Empty;
            if (before == ',' && after.Length > 0 && after[0] is '}' or ')')
            {
                TrimTrailingComma(text);
            }
            else if (before is '{' or '(' or ',' && after.StartsWith(','))
            {
                dropLeadingComma = true;
            }
        }

        return text.ToString();
    }

    private static string WithoutLeadingComma(string literal)
    {
        var trimmed = literal.TrimStart();
        return trimmed.StartsWith(',') ? trimmed[1..].TrimStart() : literal;
    }

    private static char LastNonSpace(StringBuilder text)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return '\0';
    }

    private static void TrimTrailingComma(StringBuilder text)
    {
        while (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            text.Length--;
        }

        text.Length--; // the comma
        while (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            text.Length--;
        }
    }
}
