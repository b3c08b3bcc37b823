using System.CommandLine;
using System.CommandLine.Parsing;

namespace Autoscaler.MetricsAdapter.Hosting.CommandLine;

/// <summary>Every problem System.CommandLine found, in command-line order, each naming its flag.</summary>
internal static class ParseErrors
{
    /// <summary>
    /// Errors of options (already <c>--flag: ...</c>), tokens no option took (unknown flags, a switch's bad value)
    /// and the library's own (a missing required option), in the order of the command line.
    /// </summary>
    public static IReadOnlyList<string> Collect(ParseResult result)
    {
        var position = new Dictionary<Token, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < result.Tokens.Count; i++)
        {
            position[result.Tokens[i]] = i;
        }

        var taken = new HashSet<Token>(result.CommandResult.Children.SelectMany(c => c.Tokens), ReferenceEqualityComparer.Instance);
        var untakenQuoted = result.Tokens.Where(t => t.Type == TokenType.Argument && !taken.Contains(t)).Select(t => $"'{t.Value}'").ToList();
        var errors = new List<(int At, string Message)>();
        foreach (var error in result.Errors)
        {
            // The library's "Unrecognized command or argument 'x'": reported below in our words, with the flag.
            if (error.SymbolResult is CommandResult && untakenQuoted.Any(t => error.Message.Contains(t, StringComparison.Ordinal)))
            {
                continue;
            }

            var owner = error.SymbolResult switch
            {
                OptionResult option => option,
                ArgumentResult { Parent: OptionResult option } => option,
                _ => null,
            };
            var at = owner?.IdentifierToken is { } token && position.TryGetValue(token, out var p) ? p : int.MaxValue;
            errors.Add((at, error.Message));
        }

        var afterUnknownFlag = false;
        for (var i = 0; i < result.Tokens.Count; i++)
        {
            var token = result.Tokens[i];
            var untaken = token.Type == TokenType.Argument && !taken.Contains(token);
            // "--unknown value": the value belongs to the flag already reported, not a second error.
            if (untaken && !(afterUnknownFlag && !token.Value.StartsWith('-')))
            {
                errors.Add((i, Untaken(token.Value, i > 0 ? result.Tokens[i - 1] : null, result.CommandResult.Command)));
            }

            afterUnknownFlag = untaken && token.Value.StartsWith('-') && !token.Value.Contains('=', StringComparison.Ordinal);
        }

        return errors.OrderBy(e => e.At).Select(e => e.Message).ToList();
    }

    // The library leaves a non-boolean value after a switch (--insecure-disable-auth=maybe) untaken.
    private static string Untaken(string value, Token? previous, Command command)
    {
        if (previous is { Type: TokenType.Option } && command.Options.OfType<Option<bool>>().Any(o => o.Name == previous.Value))
        {
            return $"{previous.Value}: \"{value}\" is not true or false";
        }

        if (!value.StartsWith('-'))
        {
            return $"\"{value}\": unexpected argument (each flag takes at most one value; see --help)";
        }

        var eq = value.IndexOf('=', StringComparison.Ordinal);
        var name = eq > 0 ? value[..eq] : value;
        return FlagSuggestion.For(name, command) is { } meant
            ? $"{name}: unknown flag (did you mean {meant}? see --help)"
            : $"{name}: unknown flag (see --help)";
    }
}
