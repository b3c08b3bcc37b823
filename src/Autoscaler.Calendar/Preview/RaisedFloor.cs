using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Calendar.Preview;

/// <summary>The floor raised for an event's window and when, read from the controller's decision records (status.decisions).</summary>
/// <param name="Floor">Replicas.</param>
/// <param name="At">When (UTC).</param>
public sealed record RaisedFloor(int Floor, DateTimeOffset At)
{
    /// <summary>How long before a start the controller's RaiseFloor decisions are looked for.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromHours(24);

    /// <summary>
    /// The highest floor of the RaiseFloor decisions for <paramref name="hpa"/> made in [start − <see cref="LookBack"/>, end),
    /// timed at the first of them; null when there is none (the controller kept no record, or ran in observe mode).
    /// </summary>
    public static RaisedFloor? From(IEnumerable<DecisionEntry>? decisions, string hpa, DateTimeOffset start, DateTimeOffset end)
    {
        var raises = (decisions ?? [])
            .Where(d => d.Hpa == hpa && d.Action == "RaiseFloor" && d.Floor is not null)
            .Select(d => (Floor: d.Floor!.Value, At: Utc(d.Time)))
            .Where(d => d.At >= start - LookBack && d.At < end)
            .OrderBy(d => d.At)
            .ToList();
        return raises.Count == 0 ? null : new RaisedFloor(raises.Max(d => d.Floor), raises[0].At);
    }

    private static DateTimeOffset Utc(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
