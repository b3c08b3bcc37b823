using System.Globalization;

namespace Autoscaler.Simulator.Traces;

/// <summary>
/// Finds the CSV lines whose value is negative, so the negative-demand error names lines like every other CSV
/// error. The value is the last comma-separated field of a line; lines whose value does not parse (a header,
/// a comment) are skipped, as the parser has already accepted the file.
/// </summary>
internal static class NegativeRows
{
    /// <summary>1-based line numbers of up to <paramref name="max"/> rows of CSV file <paramref name="path"/> with a negative value; empty for a non-CSV source.</summary>
    public static IReadOnlyList<int> FirstLines(string path, int max)
    {
        var lines = new List<int>();
        if (!File.Exists(path)) return lines;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1 && line.TrimStart('\uFEFF', ' ', '\t').StartsWith('{')) return lines; // a query_range JSON
            var comma = line.LastIndexOf(',');
            if (comma < 0) continue;
            var text = line[(comma + 1)..].Trim().Trim('"');
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value < 0)
            {
                lines.Add(number);
                if (lines.Count == max) break;
            }
        }

        return lines;
    }
}
