using System.CommandLine;

namespace Autoscaler.MetricsAdapter.Hosting.CommandLine;

/// <summary>The flag an operator most likely meant by an unknown one: the closest name within two edits.</summary>
internal static class FlagSuggestion
{
    /// <summary>The nearest option name of <paramref name="command"/> to <paramref name="unknown"/>, or null when none is within two edits.</summary>
    public static string? For(string unknown, Command command) =>
        command.Options.Select(o => o.Name)
            .Select(name => (Name: name, Distance: EditDistance(unknown, name)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();

    // Levenshtein distance with one row of memory.
    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
