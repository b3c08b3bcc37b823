using System.Text;

namespace Autoscaler.MetricsAdapter.Sources.Push.History;

/// <summary>
/// The one PromQL form the history endpoint serves: an instant vector selector with exact matches,
/// <c>name{label="value", …}</c> (or <c>{__name__="name", …}</c>), strings in double, single or back quotes with
/// PromQL's escapes. Everything else is refused with a message naming what is unsupported: other matchers
/// (<c>!=</c>, <c>=~</c>, <c>!~</c>), range selectors, <c>offset</c>/<c>@</c>, functions, aggregations, operators and
/// literals. The labels name the whole series (the store's identity); an empty value means the label is absent.
/// </summary>
internal sealed class SeriesSelector
{
    private readonly string _text;
    private int _at;

    private SeriesSelector(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/>; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static (string Name, IReadOnlyDictionary<string, string> Labels)? TryParse(string? text, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the query is empty; expected a selector such as queue_length{queue=\"orders\"}";
            return null;
        }

        var parser = new SeriesSelector(text);
        try
        {
            return parser.Parse();
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private (string Name, IReadOnlyDictionary<string, string> Labels) Parse()
    {
        SkipSpace();
        var name = Peek() == '{' ? null : Identifier(metric: true, "a metric name");
        SkipSpace();
        if (name is not null && Peek() == '(')
        {
            throw Unsupported($"function or aggregation '{name}(...)'");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Peek() == '{')
        {
            _at++;
            Matchers(labels);
        }

        SkipSpace();
        if (_at < _text.Length)
        {
            var rest = _text[_at..];
            throw Unsupported(rest[0] switch
            {
                '[' => "range selector '[...]'",
                '@' => "'@' modifier",
                '+' or '-' or '*' or '/' or '%' or '^' or '=' or '!' or '<' or '>' => $"binary operator at '{Clip(rest)}'",
                _ when rest.StartsWith("offset", StringComparison.Ordinal) => "'offset' modifier",
                _ => $"'{Clip(rest)}' after the selector",
            });
        }

        if (labels.Remove("__name__", out var named))
        {
            if (name is not null && !string.Equals(name, named, StringComparison.Ordinal))
            {
                throw Invalid($"the metric name is given twice ('{name}' and __name__=\"{named}\")");
            }

            name = named;
        }

        if (string.IsNullOrEmpty(name))
        {
            throw Invalid("a metric name is required: name{label=\"value\"} or {__name__=\"name\"}");
        }

        return (name, labels);
    }

    private void Matchers(Dictionary<string, string> labels)
    {
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
            {
                _at++;
                return;
            }

            var label = Identifier(metric: false, "a label name");
            SkipSpace();
            var op = Operator();
            if (op != "=")
            {
                throw Unsupported($"label matcher '{label}{op}' (only exact matches label=\"value\" are served)");
            }

            SkipSpace();
            var value = Text();
            if (!labels.TryAdd(label, value))
            {
                throw Invalid($"label '{label}' is matched twice");
            }

            SkipSpace();
            if (Peek() == ',')
            {
                _at++;
            }
            else if (Peek() != '}')
            {
                throw Invalid(_at < _text.Length ? $"expected ',' or '}}' at position {_at + 1} but found '{_text[_at]}'" : "unclosed '{'");
            }
        }
    }

    private string Operator()
    {
        foreach (var op in new[] { "=~", "!~", "!=", "=" })
        {
            if (string.CompareOrdinal(_text, _at, op, 0, op.Length) == 0)
            {
                _at += op.Length;
                return op;
            }
        }

        throw Invalid($"expected a matcher operator at position {_at + 1}");
    }

    private string Identifier(bool metric, string what)
    {
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetter(_text[_at]) || _text[_at] == '_' || (metric && _text[_at] == ':') || (_at > start && char.IsAsciiDigit(_text[_at]))))
        {
            _at++;
        }

        if (_at == start)
        {
            throw _at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] is '"' or '\'' or '`' or '-' or '(')
                ? Unsupported($"literal or expression at position {_at + 1}")
                : Invalid(_at < _text.Length ? $"expected {what} at position {_at + 1} but found '{_text[_at]}'" : $"expected {what} at the end");
        }

        return _text[start.._at];
    }

    private string Text()
    {
        var quote = Peek();
        if (quote is not ('"' or '\'' or '`'))
        {
            throw Invalid($"expected a quoted label value at position {_at + 1}");
        }

        _at++;
        var value = new StringBuilder();
        while (_at < _text.Length && _text[_at] != quote)
        {
            var c = _text[_at++];
            if (c == '\\' && quote != '`' && _at < _text.Length)
            {
                var e = _text[_at++];
                value.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '\\' => '\\', '"' => '"', '\'' => '\'', _ => throw Invalid($"unsupported escape '\\{e}' in a label value") });
            }
            else
            {
                value.Append(c);
            }
        }

        if (_at >= _text.Length)
        {
            throw Invalid("unterminated label value");
        }

        _at++;
        return value.ToString();
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private static string Clip(string text) => text.Length <= 20 ? text : text[..20] + "...";

    private static FormatException Invalid(string message) => new($"parse error: {message}");

    private static FormatException Unsupported(string what) =>
        new($"unsupported: {what}; the adapter's history serves one selector with exact matches, name{{label=\"value\",...}}");
}
