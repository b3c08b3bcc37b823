namespace Autoscaler.Core.Planning.Calendar;

/// <summary>
/// The scheduled events the planner knows: one-off occurrences (already in UTC; build them with
/// <see cref="LocalTimeResolver"/> from local times), recurring windows, and exclusion dates that suppress
/// forecast-driven floors. Immutable; occurrence queries are by time range.
/// </summary>
public sealed class EventCalendar
{
    private readonly PlannedEvent[] _oneOff;
    private readonly TimeSpan _longestOneOff;

    /// <summary>Creates a calendar.</summary>
    public EventCalendar(IEnumerable<PlannedEvent> oneOff, IEnumerable<RecurringWindow>? recurring = null, IEnumerable<ExclusionDate>? exclusions = null)
    {
        ArgumentNullException.ThrowIfNull(oneOff);
        _oneOff = oneOff.OrderBy(e => e.RampStart).ThenBy(e => e.Kind, StringComparer.Ordinal).ToArray();
        _longestOneOff = _oneOff.Length == 0 ? TimeSpan.Zero : _oneOff.Max(e => e.End - e.RampStart);
        Recurring = recurring?.ToArray() ?? [];
        Exclusions = exclusions?.ToArray() ?? [];
    }

    /// <summary>A calendar with no events.</summary>
    public static EventCalendar Empty { get; } = new([]);

    /// <summary>One-off events ordered by ramp start.</summary>
    public IReadOnlyList<PlannedEvent> OneOff => _oneOff;

    /// <summary>Recurring windows.</summary>
    public IReadOnlyList<RecurringWindow> Recurring { get; }

    /// <summary>Days on which forecast-driven floors are suppressed.</summary>
    public IReadOnlyList<ExclusionDate> Exclusions { get; }

    /// <summary>True when <paramref name="instant"/> falls on an exclusion date.</summary>
    public bool IsExcluded(DateTimeOffset instant)
    {
        foreach (var e in Exclusions)
        {
            if (e.Covers(instant)) return true;
        }

        return false;
    }

    /// <summary>Every occurrence whose [ramp start, end) overlaps [<paramref name="from"/>, <paramref name="to"/>), in start order.</summary>
    public IReadOnlyList<PlannedEvent> Occurrences(DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<PlannedEvent>();
        // One-offs are sorted by ramp start: skip those that must have ended before 'from'.
        var lo = LowerBound(from - _longestOneOff);
        for (var i = lo; i < _oneOff.Length && _oneOff[i].RampStart < to; i++)
        {
            if (_oneOff[i].End > from) result.Add(_oneOff[i]);
        }

        foreach (var window in Recurring) result.AddRange(window.Occurrences(from, to));
        if (Recurring.Count > 0) result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    private int LowerBound(DateTimeOffset time)
    {
        int lo = 0, hi = _oneOff.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_oneOff[mid].RampStart < time) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
