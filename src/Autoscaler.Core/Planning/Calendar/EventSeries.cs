namespace Autoscaler.Core.Planning.Calendar;

/// <summary>
/// The windows of one scheduled event: its first window, plus, when it recurs, every repetition of
/// <see cref="Recurring"/> that starts after the first and not after <see cref="Until"/>. The one reading of
/// "first plus cron repetitions up to until" that the controller plans with and the calendar draws.
/// </summary>
/// <param name="First">The first window (start and end in UTC).</param>
/// <param name="Recurring">The recurring window, or null for a one-off event.</param>
/// <param name="Until">No repetition starts after this instant (UTC); null for no limit.</param>
public sealed record EventSeries(PlannedEvent First, RecurringWindow? Recurring = null, DateTimeOffset? Until = null)
{
    /// <summary>
    /// The windows whose [ramp start, end) overlaps [<paramref name="from"/>, <paramref name="to"/>), in start order:
    /// the first one, then the repetitions (none at or before the first's start, none starting after until).
    /// </summary>
    /// <param name="from">Start of the range (UTC).</param>
    /// <param name="to">End of the range (UTC), exclusive.</param>
    /// <returns>The windows.</returns>
    public IEnumerable<PlannedEvent> Occurrences(DateTimeOffset from, DateTimeOffset to)
    {
        if (First.End > from && First.RampStart < to)
        {
            yield return First;
        }

        if (Recurring is null)
        {
            yield break;
        }

        foreach (var repeat in Recurring.Occurrences(from, to))
        {
            if (repeat.Start > First.Start && (Until is null || repeat.Start <= Until.Value))
            {
                yield return repeat;
            }
        }
    }
}
