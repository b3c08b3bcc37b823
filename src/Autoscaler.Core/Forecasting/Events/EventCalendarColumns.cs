namespace Autoscaler.Core.Forecasting.Events;

/// <summary>
/// Where each field of an event calendar row is: by name when the file has a header (any order, aliases
/// accepted, unknown columns listed in <see cref="Unused"/>), by the documented position otherwise.
/// </summary>
internal sealed class EventCalendarColumns
{
    public const string Start = "start_utc";
    public const string End = "end_utc";
    public const string Kind = "kind";
    public const string Multiplier = "expected_multiplier";
    public const string Description = "description";
    public const string Series = "series";

    /// <summary>A match schedule's kick-off column: the start of a match whose end is not given.</summary>
    public const string Kickoff = "kickoff_utc";

    /// <summary>The documented order of a calendar without a header.</summary>
    public static readonly IReadOnlyList<string> Positional = [Start, End, Kind, Multiplier, Description];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        [Start] = Start, ["start"] = Start, [Kickoff] = Kickoff,
        [End] = End, ["end"] = End,
        [Kind] = Kind, ["type"] = Kind,
        [Multiplier] = Multiplier, ["multiplier"] = Multiplier,
        [Description] = Description, ["name"] = Description,
        [Series] = Series,
        ["stage"] = "stage", ["home"] = "home", ["away"] = "away",
    };

    private readonly Dictionary<string, int> _index;

    private EventCalendarColumns(IReadOnlyList<string> names, Dictionary<string, int> index, IReadOnlyList<string> unused, bool fromHeader)
    {
        Names = names;
        _index = index;
        Unused = unused;
        FromHeader = fromHeader;
    }

    /// <summary>Column names in file order (canonical names for known columns).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Header columns the calendar does not use, as written.</summary>
    public IReadOnlyList<string> Unused { get; }

    public bool FromHeader { get; }

    /// <summary>Number of columns.</summary>
    public int Count => Names.Count;

    /// <summary>True when the last column is the description, which may then take the rest of the line.</summary>
    public bool DescriptionLast => Names.Count > 0 && Names[^1] == Description;

    public static EventCalendarColumns ByPosition() =>
        new(Positional, Positional.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i), [], fromHeader: false);

    /// <summary>True when <paramref name="field"/> names a known column (the mark of a header line).</summary>
    public static bool IsKnown(string field) => Aliases.ContainsKey(field.Trim());

    /// <summary>Reads a header; returns null with <paramref name="error"/> when a required column is missing or repeated.</summary>
    public static EventCalendarColumns? FromHeaderLine(IReadOnlyList<string> header, out string field, out string error)
    {
        field = string.Empty;
        error = string.Empty;
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var unused = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var written = header[i].Trim();
            if (!Aliases.TryGetValue(written, out var name))
            {
                unused.Add(written);
                names.Add(written);
                continue;
            }

            if (!index.TryAdd(name, i))
            {
                (field, error) = (name, $"column '{written}' appears twice in the header");
                return null;
            }

            names.Add(name);
        }

        if (names.Count >= 3 && names.SequenceEqual(Positional.Take(names.Count)))
        {
            // The documented order, perhaps with its optional columns left out of the header: read by position.
            return ByPosition();
        }

        if (!index.ContainsKey(Start) && !index.ContainsKey(Kickoff))
        {
            (field, error) = (Start, $"the header has no '{Start}' column (columns: {string.Join(", ", header.Select(h => h.Trim()))})");
            return null;
        }

        if (!index.ContainsKey(End) && !index.ContainsKey(Kickoff))
        {
            (field, error) = (End, $"the header has no '{End}' column (only a match schedule with '{Kickoff}' may leave the end out)");
            return null;
        }

        return new EventCalendarColumns(names, index, unused, fromHeader: true);
    }

    /// <summary>True when the calendar has column <paramref name="name"/>.</summary>
    public bool Has(string name) => _index.ContainsKey(name);

    /// <summary>The trimmed field of column <paramref name="name"/> in <paramref name="row"/>; null when absent or empty.</summary>
    public string? Get(IReadOnlyList<string> row, string name) =>
        _index.TryGetValue(name, out var i) && i < row.Count && row[i].Trim().Length > 0 ? row[i].Trim() : null;
}
