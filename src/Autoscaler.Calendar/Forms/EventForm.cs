namespace Autoscaler.Calendar.Forms;

/// <summary>
/// What a product manager types to create or edit an event (the JSON body of the create, edit and preview calls).
/// Times are local wall-clock times (<c>yyyy-MM-ddTHH:mm</c>) read in <see cref="TimeZone"/>.
/// </summary>
public sealed record EventForm
{
    /// <summary>Title ("Spring sale"), 1..120 characters.</summary>
    public string? Title { get; init; }

    /// <summary>HPA names of the services concerned (picked from the workload list), at least one.</summary>
    public IReadOnlyList<string>? Services { get; init; }

    /// <summary>Local start time, <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public string? Start { get; init; }

    /// <summary>Local end time, same form.</summary>
    public string? End { get; init; }

    /// <summary>IANA zone (the browser's by default).</summary>
    public string? TimeZone { get; init; }

    /// <summary>Offset (<c>+02:00</c>) picking one of two instants when the local start falls in a DST overlap.</summary>
    public string? StartOffset { get; init; }

    /// <summary>Offset picking one of two instants when the local end falls in a DST overlap.</summary>
    public string? EndOffset { get; init; }

    /// <summary><c>multiplier</c> ("about 8x"), <c>bumpPercent</c> ("+40 %") or <c>absoluteFloor</c> ("at least N replicas").</summary>
    public string? LoadKind { get; init; }

    /// <summary>The number for <see cref="LoadKind"/>.</summary>
    public double? LoadValue { get; init; }

    /// <summary>Event kind (a DNS label such as flash-sale); <c>promotion</c> when empty.</summary>
    public string? Kind { get; init; }

    /// <summary>Optional 5-field cron schedule repeating the window, read in <see cref="TimeZone"/>.</summary>
    public string? Recurrence { get; init; }

    /// <summary>Optional local time after which no occurrence starts.</summary>
    public string? RecurrenceUntil { get; init; }

    /// <summary>Free text, at most 1024 characters.</summary>
    public string? Note { get; init; }

    /// <summary>A duration (<c>5m</c>) or <c>auto</c>; auto when empty.</summary>
    public string? LeadTime { get; init; }

    /// <summary>True once the user has seen the overlap warning and still wants to save.</summary>
    public bool AcknowledgeOverlap { get; init; }

    /// <summary>On edit: the resourceVersion the form was loaded from; the write fails with 409 if someone changed it since.</summary>
    public string? ResourceVersion { get; init; }
}
