using System.Globalization;

namespace Autoscaler.Calendar.Forms;

/// <summary>A live event of the same service whose windows intersect the one being saved: the first such pair.</summary>
/// <param name="Title">The other event's title.</param>
/// <param name="Start">Start of the other event's first intersecting window (UTC).</param>
/// <param name="End">End of that window (UTC).</param>
public sealed record EventOverlap(string Title, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>"Black Friday (2027-04-03 10:00-12:00Z)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Title} ({Start.UtcDateTime:yyyy-MM-dd HH:mm}-{End.UtcDateTime:HH:mm}Z)");
}
