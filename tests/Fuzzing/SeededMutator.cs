using System.Text;

namespace Autoscaler.Fuzzing;

/// <summary>
/// A small seeded mutation fuzzer (issue #15) shared by the unit suites' fuzz tests (linked into each test project):
/// from a seed corpus of valid inputs it makes hostile variants by flipping characters, truncating, duplicating and
/// splicing ranges, swapping lines, inserting hostile tokens (unicode, huge numbers, NaN/Inf, negative and exponent
/// forms, YAML/CSV structure) and wrapping in deep nesting. The same seed gives the same cases on every run and machine
/// (<see cref="Random"/> with a seed is deterministic across .NET versions for the <c>Next</c> family).
/// </summary>
internal sealed class SeededMutator
{
    /// <summary>Hostile tokens every target is offered; a target adds its own vocabulary.</summary>
    public static readonly string[] CommonTokens =
    [
        "NaN", "nan", "Infinity", "-Infinity", "inf", "-inf", "∞", "1e309", "-1e309", "1e-400", "1E", "1e", "e5", "-0", "+0", "-", "+", ".", "..",
        "1.5.5", "0x1F", "1_000", "1,5", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
        "2147483648", "-2147483649", "1e18", "9.3e15", "4.9e-324", "1.7976931348623157e308", "00000000000000000000001", "١٢٣", "１２", "߀", "²",
        "\u0000", "\ufeff", "\u200b", "\u00a0", "😀", "\ud800", "\udfff", "é", "日本", "\r", "\n", "\r\n", "\t", " ", "\"", "'", "\\", ",", ";", ":", "#",
        "{", "}", "[", "]", "(", ")", "<<", ">>", "- ", ": ", "? ", "&a ", "*a", "!!binary ", "!!int ", "|", ">", "---", "...", "%YAML 1.1", "~", "null",
        "true", "yes", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2020-02-30T00:00:00Z", "24:00", "+14:00", "-12:00",
        "P1D", "1y", "999999999999d", "-5m", "0s", "1e9s", ".*", "(a+)+$", "(?P<x>", "[[:alpha:]]", "\\p{L}", "a{1000}{1000}",
    ];

    private readonly Random _random;
    private readonly IReadOnlyList<string> _corpus;
    private readonly string[] _tokens;

    /// <summary>A mutator over <paramref name="corpus"/> (valid inputs) with <paramref name="tokens"/> added to <see cref="CommonTokens"/>.</summary>
    public SeededMutator(int seed, IReadOnlyList<string> corpus, IEnumerable<string>? tokens = null)
    {
        Seed = seed;
        _random = new Random(seed);
        _corpus = corpus;
        _tokens = [.. CommonTokens, .. tokens ?? []];
    }

    /// <summary>The seed, for test names and failure messages.</summary>
    public int Seed { get; }

    /// <summary>The longest case <see cref="Next"/> returns (inputs are bounded so no case can hang a parser).</summary>
    public int MaxLength { get; init; } = 8_192;

    /// <summary>The next case: a corpus entry with 1 to 4 mutations (or, rarely, one unchanged or a bare token).</summary>
    public string Next()
    {
        var text = _corpus[_random.Next(_corpus.Count)];
        var roll = _random.Next(100);
        if (roll < 3) return text;
        if (roll < 6) return Token();
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++) text = Mutate(text);
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    /// <summary>A corpus entry unchanged (so a structured generator can mutate one field and keep the others valid).</summary>
    public string Valid() => _corpus[_random.Next(_corpus.Count)];

    /// <summary>Mostly <see cref="Valid"/>, one time in <paramref name="oneIn"/> a mutated case.</summary>
    public string Sometimes(int oneIn) => _random.Next(oneIn) == 0 ? Next() : Valid();

    /// <summary>A random int in [0, max).</summary>
    public int Pick(int max) => _random.Next(max);

    /// <summary>A hostile token.</summary>
    public string Token() => _tokens[_random.Next(_tokens.Length)];

    /// <summary>Escapes control, surrogate and non-ASCII characters so a failing case prints on one readable line.</summary>
    public static string Show(string text)
    {
        var clipped = text.Length > 600 ? text[..600] + $"...(+{text.Length - 600} chars)" : text;
        var sb = new StringBuilder(clipped.Length);
        foreach (var c in clipped)
        {
            sb.Append(c is >= ' ' and <= '~' && c != '\\' ? c.ToString() : $"\\u{(int)c:x4}");
        }

        return sb.ToString();
    }

    private string Mutate(string text)
    {
        var at = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
        var span = text.Length == 0 ? 0 : _random.Next(Math.Min(16, text.Length - Math.Min(at, text.Length)) + 1);
        switch (_random.Next(11))
        {
            case 0: // flip one bit of one character
                if (text.Length == 0) return Token();
                var i = _random.Next(text.Length);
                return string.Concat(text.AsSpan(0, i), ((char)(text[i] ^ (1 << _random.Next(8)))).ToString(), text.AsSpan(i + 1));
            case 1: // truncate
                return text[..at];
            case 2: // delete a range
                return text.Remove(Math.Min(at, text.Length), span);
            case 3: // duplicate a range in place
                return text.Insert(at, text.Substring(Math.Min(at, text.Length), span));
            case 4: // splice: our head, another corpus entry's tail
                var other = _corpus[_random.Next(_corpus.Count)];
                return text[..at] + other[_random.Next(other.Length + 1)..];
            case 5: // swap or repeat a line
                var lines = text.Split('\n');
                var a = _random.Next(lines.Length);
                var b = _random.Next(lines.Length);
                if (_random.Next(2) == 0) (lines[a], lines[b]) = (lines[b], lines[a]);
                else lines[a] = lines[b];
                return string.Join('\n', lines);
            case 6: // replace a run of digits with a hostile number
                return ReplaceNumber(text);
            case 7: // deep nesting
                var depth = _random.Next(2) == 0 ? 1 + _random.Next(64) : 1_000 + _random.Next(4_000);
                var (open, close) = _random.Next(3) switch { 0 => ("[", "]"), 1 => ("{a: ", "}"), _ => ("- ", string.Empty) };
                var nested = string.Concat(Enumerable.Repeat(open, depth)) + Token() + string.Concat(Enumerable.Repeat(close, depth));
                return text.Insert(at, nested);
            case 8: // a long run of one character
                return text.Insert(at, new string(text.Length > 0 ? text[_random.Next(text.Length)] : '9', 1 + _random.Next(2_000)));
            default: // insert or substitute a hostile token
                return _random.Next(2) == 0 ? text.Insert(at, Token()) : string.Concat(text.AsSpan(0, at), Token(), text.AsSpan(Math.Min(at + span, text.Length)));
        }
    }

    private string ReplaceNumber(string text)
    {
        var starts = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))) starts.Add(i);
        }

        if (starts.Count == 0) return text + Token();
        var start = starts[_random.Next(starts.Count)];
        var end = start;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.')) end++;
        string[] numbers = ["NaN", "Infinity", "-Infinity", "1e309", "-1", "-0", "0", "1e-9", "1e300", "9223372036854775807", "2147483648", "-2147483648", "0.000000001", "1E3", "١", "99999999999999999999999999999"];
        return string.Concat(text.AsSpan(0, start), numbers[_random.Next(numbers.Length)], text.AsSpan(end));
    }
}
