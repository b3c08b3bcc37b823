namespace Autoscaler.Calendar.Forms;

/// <summary>A form time resolved to an instant, and how to write it in the ScalingEvent's spec.</summary>
/// <param name="Instant">The UTC instant.</param>
/// <param name="SpecText">Local <c>yyyy-MM-ddTHH:mm:ss</c> (read in the zone by the controller), or RFC 3339 with the chosen offset when the local time was ambiguous.</param>
public sealed record ResolvedTime(DateTimeOffset Instant, string SpecText);
