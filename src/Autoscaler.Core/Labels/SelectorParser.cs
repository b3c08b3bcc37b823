namespace Autoscaler.Core.Labels;

/// <summary>A recursive-descent parser for the label-selector grammar, with apimachinery's lexing rules.</summary>
internal sealed class SelectorParser
{
    private readonly List<(Token Kind, string Text)> _tokens;
    private int _pos;

    private SelectorParser(List<(Token, string)> tokens)
    {
        _tokens = tokens;
    }

    private enum Token
    {
        End,
        Identifier,
        In,
        NotIn,
        Bang,
        NotEquals,
        Equals,
        DoubleEquals,
        Greater,
        Less,
        Open,
        Close,
        Comma,
    }

    public static List<LabelRequirement> Parse(string text)
    {
        var parser = new SelectorParser(Lex(text));
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            var (kind, literal) = parser.PeekValue();
            if (kind == Token.End)
            {
                return requirements;
            }

            if (kind != Token.Identifier && kind != Token.Bang)
            {
                throw new LabelSelectorException($"found '{literal}', expected: !, identifier, or 'end of string'");
            }

            try
            {
                requirements.Add(parser.ParseRequirement());
            }
            catch (LabelSelectorException e)
            {
                // apimachinery wraps only what parseRequirement reports.
                throw new LabelSelectorException("unable to parse requirement: " + e.Message);
            }

            var (next, nextLiteral) = parser.ConsumeValue();
            if (next == Token.End)
            {
                return requirements;
            }

            if (next != Token.Comma)
            {
                throw new LabelSelectorException($"found '{nextLiteral}', expected: ',' or 'end of string'");
            }

            var after = parser.PeekValue();
            if (after.Kind != Token.Identifier && after.Kind != Token.Bang)
            {
                throw new LabelSelectorException($"found '{after.Text}', expected: identifier after ','");
            }
        }
    }

    // Errors inside a requirement; Parse adds apimachinery's "unable to parse requirement: " prefix.
    private static LabelSelectorException Error(string message) => new(message);

    private static List<(Token, string)> Lex(string text)
    {
        var tokens = new List<(Token, string)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
                continue;
            }

            if (IsSpecial(c))
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
                (Token, string) token = two switch
                {
                    "==" => (Token.DoubleEquals, two),
                    "!=" => (Token.NotEquals, two),
                    _ => (c switch
                    {
                        '=' => Token.Equals,
                        '!' => Token.Bang,
                        '(' => Token.Open,
                        ')' => Token.Close,
                        ',' => Token.Comma,
                        '>' => Token.Greater,
                        _ => Token.Less,
                    }, c.ToString()),
                };
                tokens.Add(token);
                i += token.Item2.Length;
                continue;
            }

            var start = i;
            while (i < text.Length && !IsSpecial(text[i]) && text[i] is not (' ' or '\t' or '\r' or '\n'))
            {
                i++;
            }

            var word = text[start..i];
            tokens.Add((word switch { "in" => Token.In, "notin" => Token.NotIn, _ => Token.Identifier }, word));
        }

        tokens.Add((Token.End, string.Empty));
        return tokens;
    }

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';

    // In value position the keywords are ordinary identifiers, as in apimachinery's "Values" lexing context.
    private (Token Kind, string Text) PeekValue() => AsValue(_tokens[_pos]);

    private (Token Kind, string Text) ConsumeValue() => AsValue(_tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos]);

    private (Token Kind, string Text) ConsumeOperator() => _tokens[_pos < _tokens.Count - 1 ? _pos++ : _pos];

    private static (Token Kind, string Text) AsValue((Token Kind, string Text) t) =>
        t.Kind is Token.In or Token.NotIn ? (Token.Identifier, t.Text) : t;

    private LabelRequirement ParseRequirement()
    {
        var (kind, literal) = ConsumeValue();
        var negated = kind == Token.Bang;
        if (negated)
        {
            (kind, literal) = ConsumeValue();
        }

        if (kind != Token.Identifier)
        {
            throw Error($"found '{literal}', expected: identifier");
        }

        if (LabelValidation.ValidateKey(literal) is { } keyError)
        {
            throw Error(LabelValidation.InvalidField("<nil>", literal, keyError));
        }

        var next = PeekValue().Kind;
        if (negated || next is Token.End or Token.Comma)
        {
            // "!k=v" is left for the caller, which then reports the unexpected operator.
            return LabelRequirement.Create(literal, negated ? SelectorOperator.DoesNotExist : SelectorOperator.Exists, [], "key");
        }

        var (opToken, opText) = ConsumeOperator();
        SelectorOperator op = opToken switch
        {
            Token.In => SelectorOperator.In,
            Token.NotIn => SelectorOperator.NotIn,
            Token.Equals => SelectorOperator.Equals,
            Token.DoubleEquals => SelectorOperator.DoubleEquals,
            Token.NotEquals => SelectorOperator.NotEquals,
            Token.Greater => SelectorOperator.GreaterThan,
            Token.Less => SelectorOperator.LessThan,
            _ => throw Error($"found '{opText}', expected: in, notin, =, ==, !=, gt, lt"),
        };
        var values = op is SelectorOperator.In or SelectorOperator.NotIn ? ParseSet() : ParseExactValue();
        return LabelRequirement.Create(literal, op, values, "key");
    }

    private List<string> ParseExactValue()
    {
        var peek = PeekValue();
        if (peek.Kind is Token.End or Token.Comma)
        {
            return [string.Empty];
        }

        var (kind, literal) = ConsumeValue();
        return kind == Token.Identifier ? [literal] : throw Error($"found '{literal}', expected: identifier");
    }

    private List<string> ParseSet()
    {
        var (open, openText) = ConsumeValue();
        if (open != Token.Open)
        {
            throw Error($"found '{openText}' expected: '('");
        }

        var values = new List<string>();
        var expectValue = true;
        var first = true;
        while (true)
        {
            var (kind, literal) = ConsumeValue();
            switch (kind)
            {
                case Token.Close:
                    // "()" and "(a,)" both contribute an empty value, like apimachinery.
                    if (expectValue)
                    {
                        values.Add(string.Empty);
                    }

                    return values;
                case Token.Comma:
                    if (expectValue)
                    {
                        values.Add(string.Empty);
                    }

                    expectValue = true;
                    break;
                case Token.Identifier when expectValue:
                    values.Add(literal);
                    expectValue = false;
                    break;
                default:
                    // apimachinery's three texts: right after '(', after a value, and where a value may follow a comma.
                    throw Error(first ? $"found '{literal}', expected: ',', ')' or identifier"
                        : expectValue ? $"found '{literal}', expected: ',', or identifier"
                        : $"found '{literal}', expected: ',' or ')'");
            }

            first = false;
        }
    }
}
