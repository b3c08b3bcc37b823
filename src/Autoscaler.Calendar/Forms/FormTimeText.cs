using System.Globalization;
using Autoscaler.Core.Planning.Calendar;
using NodaTime;

namespace Autoscaler.Calendar.Forms;

/// <summary>
/// Turns a time as typed in the form into the text the ScalingEvent's spec stores; it converts nothing to an instant
/// (that is the shared <c>ScalingEventMapping</c>'s job, the one the controller plans with). What it adds: a local time
/// that happens twice (a DST overlap) is not left to the mapping's silent pick, the user is asked which offset they
/// mean, and the chosen one is written into the text so the controller reads the same instant.
/// </summary>
public static class FormTimeText
{
    /// <summary>The spec text for <paramref name="text"/>, or null with <paramref name="error"/> (and <paramref name="choices"/> for an overlap).</summary>
    /// <param name="text">Local time as typed (<c>yyyy-MM-ddTHH:mm</c>).</param>
    /// <param name="zone">The event's zone.</param>
    /// <param name="offset">The chosen offset (<c>+01:00</c>) for an overlap, or null.</param>
    /// <param name="askOnOverlap">False to leave an overlap to the mapping's rule (earlier for a start, later for an end), as for recurrence until.</param>
    /// <param name="error">Why it failed.</param>
    /// <param name="choices">For an overlap: the two offsets to choose from, earlier instant first; otherwise empty.</param>
    /// <returns><c>yyyy-MM-ddTHH:mm:ss</c>, or <c>yyyy-MM-ddTHH:mm:ss+01:00</c> with the chosen offset; a time in a DST gap is
    /// returned as typed: the mapping refuses it with Core's wording.</returns>
    public static string? ToSpecText(string? text, DateTimeZone zone, string? offset, bool askOnOverlap, out string error, out IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(zone);
        choices = [];
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "required (yyyy-MM-ddTHH:mm)";
            return null;
        }

        if (!LocalTimeResolver.TryParseLocal(text, out var local, out error)) return null;
        var localText = local.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var offsets = LocalTimeResolver.OffsetsOf(local, zone);
        if (offsets.Count < 2 || !askOnOverlap) return localText;
        choices = offsets;
        var chosen = offset?.Trim() ?? string.Empty;
        if (offsets.Contains(chosen)) return localText + chosen;
        error = LocalTimeResolver.OverlapMessage(local, zone);
        return null;
    }
}
