namespace Autoscaler.Shared.Text;

/// <summary>
/// "Did you mean" for command lines and settings: the Levenshtein edit distance (insertions, deletions and
/// substitutions, each costing 1) and the nearest known name to an unknown one. One copy, linked into each host
/// (adapter, controller, calendar) as source.
/// </summary>
internal static class NameSuggestion
{
    /// <summary>
    /// The known name nearest to <paramref name="unknown"/> (ordinal comparison), or null when none is within
    /// <paramref name="maxEdits"/> edits; ties go to the name that sorts first (ordinal).
    /// </summary>
    public static string? Within(string unknown, IEnumerable<string> known, int maxEdits) =>
        known.Select(name => (Name: name, Distance: EditDistance(unknown, name)))
            .Where(c => c.Distance <= maxEdits)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();

    /// <summary>The Levenshtein distance between <paramref name="a"/> and <paramref name="b"/> (ordinal, case-sensitive), computed with one row of memory.</summary>
    public static int EditDistance(string a, string b)
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
