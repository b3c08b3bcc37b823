using Autoscaler.Core.Decisions;
using Autoscaler.Core.Planning;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// Turns Core's <see cref="DecisionRecord"/> into the short entries kept in status, appending only when the decision
/// changes (another floor, reason or mode), so a steady floor does not rewrite the status every pass.
/// </summary>
public static class DecisionEntries
{
    /// <summary>Maps a record to an entry.</summary>
    /// <param name="record">The record.</param>
    /// <param name="hpa">HPA name.</param>
    /// <param name="previousFloor">The floor held before.</param>
    public static DecisionEntry From(DecisionRecord record, string hpa, int? previousFloor)
    {
        ArgumentNullException.ThrowIfNull(record);
        var action = record.Mode switch
        {
            PlanningMode.Observe => "Observe",
            PlanningMode.Recommend => "Recommend",
            _ when record.Floor is null => previousFloor is null ? "NoFloor" : "ReleaseFloor",
            _ when previousFloor is null || record.Floor > previousFloor => "RaiseFloor",
            _ when record.Floor < previousFloor => "LowerFloor",
            _ => "HoldFloor",
        };
        return new DecisionEntry
        {
            Time = record.Time.UtcDateTime,
            Hpa = hpa,
            Action = action,
            Floor = record.Floor,
            PreviousFloor = previousFloor,
            Reason = record.Reason.ToString(),
            Message = $"{record.Action}. {record.Detail}. Lead time {record.LeadTimeSource}.",
        };
    }

    /// <summary>Appends <paramref name="entry"/> unless the last entry for the same HPA says the same; keeps the newest <paramref name="keep"/>.</summary>
    /// <param name="existing">Entries as stored (oldest first).</param>
    /// <param name="entry">The new entry.</param>
    /// <param name="keep">How many to keep.</param>
    public static List<DecisionEntry> Append(IEnumerable<DecisionEntry>? existing, DecisionEntry entry, int keep)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var list = existing?.ToList() ?? [];
        var last = list.LastOrDefault(e => e.Hpa == entry.Hpa);
        var same = last is not null && last.Floor == entry.Floor && last.Reason == entry.Reason && Mode(last.Action) == Mode(entry.Action);
        if (!same)
        {
            list.Add(entry);
        }

        return list.Count > keep ? list[^keep..] : list;
    }

    private static string Mode(string action) => action is "Observe" or "Recommend" ? action : "Auto";
}
