using System.CommandLine;
using System.CommandLine.Parsing;
using Autoscaler.Shared.Text;

namespace Autoscaler.Controller.Hosting;

/// <summary>Every problem System.CommandLine found on the controller's command line, in command-line order, each naming its flag.</summary>
internal static class ControllerParseErrors
{
    /// <summary>
    /// Option errors (already <c>--flag: ...</c>) and tokens no option took: an unknown flag names the closest known
    /// one, and the value after an unknown flag is not a second error. The library's own "Unrecognized command or
    /// argument" / "was not matched" messages are replaced by these.
    /// </summary>
    public static IReadOnlyList<string> Collect(ParseResult result)
    {
        var position = new Dictionary<Token, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < result.Tokens.Count; i++)
        {
            position[result.Tokens[i]] = i;
        }

        var taken = new HashSet<Token>(result.CommandResult.Children.SelectMany(c => c.Tokens), ReferenceEqualityComparer.Instance);
        var errors = new List<(int At, string Message)>();
        foreach (var error in result.Errors.Where(e => e.SymbolResult is not CommandResult))
        {
            var owner = error.SymbolResult switch
            {
                OptionResult option => option,
                ArgumentResult { Parent: OptionResult option } => option,
                _ => null,
            };
            var at = owner?.IdentifierToken is { } token && position.TryGetValue(token, out var p) ? p : int.MaxValue;
            // The library's "Required argument missing for option: '--identity'." in the words of the others.
            var message = owner is not null && owner.Tokens.Count == 0 && !error.Message.StartsWith(owner.Option.Name, StringComparison.Ordinal)
                ? $"{owner.Option.Name}: needs a value ({owner.Option.HelpName})"
                : error.Message;
            errors.Add((at, message));
        }

        var afterUnknownFlag = false;
        for (var i = 0; i < result.Tokens.Count; i++)
        {
            var token = result.Tokens[i];
            var untaken = token.Type == TokenType.Argument && !taken.Contains(token);
            if (untaken && !(afterUnknownFlag && !token.Value.StartsWith('-')))
            {
                errors.Add((i, Untaken(token.Value, result.CommandResult.Command)));
            }

            afterUnknownFlag = untaken && token.Value.StartsWith('-') && !token.Value.Contains('=', StringComparison.Ordinal);
        }

        // A command-level error with no untaken token behind it (none known today) is still reported.
        if (errors.Count == 0)
        {
            errors.AddRange(result.Errors.Select(e => (int.MaxValue, e.Message)));
        }

        return errors.OrderBy(e => e.At).Select(e => e.Message).ToList();
    }

    private static string Untaken(string value, Command command)
    {
        if (!value.StartsWith('-'))
        {
            return $"'{value}': unexpected argument (each flag takes at most one value)";
        }

        var eq = value.IndexOf('=', StringComparison.Ordinal);
        var name = eq > 0 ? value[..eq] : value;
        var meant = NameSuggestion.Within(name, command.Options.Select(o => o.Name), maxEdits: 2);
        return meant is null ? $"{name}: unknown flag" : $"{name}: unknown flag (did you mean {meant}?)";
    }
}
