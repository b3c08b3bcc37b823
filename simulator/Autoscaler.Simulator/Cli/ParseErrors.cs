using System.CommandLine;

namespace Autoscaler.Simulator.Cli;

/// <summary>Turns System.CommandLine's parse errors into the simulator's wording: one line each, naming the option.</summary>
internal static class ParseErrors
{
    /// <summary>The messages for a result with errors; an unknown option lists the verb's options.</summary>
    public static List<string> Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var known = string.Join(", ", command.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal) && n != "--help").Order(StringComparer.Ordinal));
        var messages = new List<string>();
        var unmatched = result.UnmatchedTokens;
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-'))
            {
                messages.Add($"unknown option '{token.Split('=', ':')[0]}' (options: {known})");
                if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-')) i++; // the unknown option's value
            }
            else
            {
                messages.Add($"unexpected argument '{token}' (every value follows its option, e.g. --out DIR)");
            }
        }

        messages.AddRange(result.Errors.Select(e => e.Message).Where(m => !unmatched.Any(t => m.Contains($"'{t}'", StringComparison.Ordinal))));
        return messages;
    }
}
