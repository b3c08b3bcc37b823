using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Traces;

/// <summary>
/// Trace CSV timestamps with a UTC offset (<c>2026-03-29T03:00:00+02:00</c>) are valid RFC 3339 and are converted to
/// UTC, but every output prints UTC: this note tells the user which offsets were met and which UTC span was used,
/// so a trace exported in local time is never shifted silently. (Timestamps without an offset are read as UTC and
/// Core's parser already warns about them.)
/// </summary>
internal static class TraceOffsets
{
    /// <summary>Most distinct offsets named in the note.</summary>
    public const int MaxListed = 4;

    /// <summary>The note for the CSV at <paramref name="path"/>, or null when no timestamp carries an offset other than Z.</summary>
    public static string? Note(string path, Series series)
    {
        var offsets = new SortedSet<string>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var line in File.ReadLines(path))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0) continue;
            var stamp = line[..comma].Trim().Trim('"');
            if (stamp.Length < 16 || !char.IsAsciiDigit(stamp[0])) continue; // a header, a comment, a JSON line
            var timeStart = stamp.IndexOfAny(['T', ' ']);
            var sign = timeStart > 0 ? stamp.IndexOfAny(['+', '-'], timeStart) : -1;
            if (sign < 0) continue;
            rows++;
            offsets.Add(stamp[sign..]);
        }

        if (rows == 0 || series.Count == 0) return null;
        var listed = string.Join(", ", offsets.Take(MaxListed)) + (offsets.Count > MaxListed ? ", ..." : string.Empty);
        return $"{path}: note: field 'timestamp': {rows} timestamp(s) carry a UTC offset ({listed}) and were converted to UTC; outputs print UTC: the trace runs {Cli.Instant.Format(series.Start)} .. {Cli.Instant.Format(series.End)}";
    }
}
