namespace Autoscaler.Calendar.Preview;

/// <summary>What the controller would do for one service, computed by Core's PreScaleStep/PreScalePlanner.</summary>
/// <param name="Hpa">HPA name.</param>
/// <param name="DisplayName">Friendly name.</param>
/// <param name="ReadyBy">"ready by 11:55 for a 12:00 start" in the event's zone.</param>
/// <param name="LeadTime">The lead time used and how it was obtained.</param>
/// <param name="PeakFloor">The highest planned floor within the window (replicas), null when none.</param>
/// <param name="ExtraPodHours">Pod-hours above the no-pre-scaling baseline over the window (see docs/calendar.md).</param>
/// <param name="Recent">The last 24 h of observed load (UTC time, value); empty without history.</param>
/// <param name="Points">The chart over [floor rise − 2 h, end + 1 h].</param>
/// <param name="Notes">What is missing or assumed (no history, no load model, the default lead time).</param>
public sealed record ServicePreview(
    string Hpa, string DisplayName, string ReadyBy, string LeadTime, int? PeakFloor, double ExtraPodHours,
    IReadOnlyList<RecentPoint> Recent, IReadOnlyList<PreviewPoint> Points, IReadOnlyList<string> Notes);
