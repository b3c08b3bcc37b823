namespace Autoscaler.Calendar.Api;

/// <summary>An event as the API returns it: what the user typed, its state, and who did what when.</summary>
/// <param name="Namespace">Namespace.</param>
/// <param name="Name">Resource name.</param>
/// <param name="Title">Title.</param>
/// <param name="Services">Target HPA names.</param>
/// <param name="Start">spec.start as stored (local, or with an offset).</param>
/// <param name="End">spec.end as stored.</param>
/// <param name="TimeZone">IANA zone.</param>
/// <param name="StartUtc">Start resolved to UTC, null when it does not resolve.</param>
/// <param name="EndUtc">End resolved to UTC.</param>
/// <param name="LoadKind">multiplier, bumpPercent or absoluteFloor.</param>
/// <param name="LoadValue">Its number.</param>
/// <param name="Kind">Event kind.</param>
/// <param name="Note">Description.</param>
/// <param name="Recurrence">Cron schedule, or null.</param>
/// <param name="RecurrenceUntil">spec.recurrence.until as stored (no window starts after it), or null.</param>
/// <param name="LeadTime">spec.leadTime.</param>
/// <param name="State">Proposed, Approved, Active, Completed, Rejected or Cancelled.</param>
/// <param name="CreatedBy">Who proposed it.</param>
/// <param name="ApprovedBy">Who approved it.</param>
/// <param name="ApprovedAt">When.</param>
/// <param name="RejectedBy">Who rejected it.</param>
/// <param name="ReviewComment">The approver's comment.</param>
/// <param name="ResourceVersion">For conditional edits.</param>
/// <param name="Occurrences">The windows inside the listed range (the first, and repetitions of a recurring event).</param>
public sealed record EventView(
    string Namespace, string Name, string Title, IReadOnlyList<string> Services, string Start, string End, string? TimeZone,
    DateTimeOffset? StartUtc, DateTimeOffset? EndUtc, string LoadKind, double LoadValue, string Kind, string? Note, string? Recurrence,
    string? RecurrenceUntil, string? LeadTime, string State, string? CreatedBy, string? ApprovedBy, DateTime? ApprovedAt, string? RejectedBy, string? ReviewComment,
    string? ResourceVersion, IReadOnlyList<Occurrence> Occurrences);
