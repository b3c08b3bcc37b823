using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Autoscaler.Core.Planning.Calendar;

/// <summary>
/// Turns a calendar time as people write it into a UTC instant, DST-safe, with the IANA time zone database
/// built into NodaTime (no system files read). A time with <c>Z</c> or an offset is absolute; a local time
/// needs a zone. A local time that does not exist (the spring-forward gap) is an error; one that exists twice
/// (the autumn overlap) resolves to the earlier instant for a start and the later for an end, so the window
/// is never shorter than the user wrote.
/// </summary>
public static partial class LocalTimeResolver
{
    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm"),
    ];

    /// <summary>The IANA zone named <paramref name="zoneId"/> (e.g. <c>Europe/Paris</c>), or null with a reason.</summary>
    public static DateTimeZone? FindZone(string? zoneId, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            error = "a time zone is required for a local time (an IANA name such as Europe/Paris, or UTC)";
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId.Trim());
        if (zone is null) error = $"'{zoneId}' is not an IANA time zone (examples: Europe/Paris, America/New_York, UTC)";
        return zone;
    }

    /// <summary>
    /// Resolves <paramref name="text"/> (ISO-8601 with <c>Z</c> or an offset, or a local <c>yyyy-MM-ddTHH:mm[:ss]</c>
    /// read in <paramref name="zoneId"/>). <paramref name="isEnd"/> picks the later instant in an overlap.
    /// Returns false with a message naming the problem (bad format, unknown zone, DST gap).
    /// </summary>
    public static bool TryResolve(string text, string? zoneId, bool isEnd, out DateTimeOffset instant, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        instant = default;
        error = string.Empty;
        var trimmed = text.Trim();
        if (HasOffset(trimmed))
        {
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var absolute))
            {
                instant = absolute.ToUniversalTime();
                return true;
            }

            error = $"'{trimmed}' is not an ISO-8601 time (example: 1998-06-10T15:30:00Z or 1998-06-10T17:30:00+02:00)";
            return false;
        }

        var local = LocalPatterns.Select(p => p.Parse(trimmed)).FirstOrDefault(r => r.Success);
        if (local is null)
        {
            error = $"'{trimmed}' is not a time (examples: 1998-06-10T15:30:00Z, or 1998-06-10T17:30 with a time zone)";
            return false;
        }

        var zone = FindZone(zoneId, out error);
        if (zone is null) return false;
        return TryResolve(local.Value, zone, isEnd, out instant, out error);
    }

    /// <summary>Resolves a local time in a zone: a gap is an error, an overlap takes the earlier (start) or later (end) instant.</summary>
    public static bool TryResolve(LocalDateTime local, DateTimeZone zone, bool isEnd, out DateTimeOffset instant, out string error)
    {
        ArgumentNullException.ThrowIfNull(zone);
        error = string.Empty;
        instant = default;
        // 0001-01-01T00:00 in Asia/Kolkata is in year 0 in UTC and 9999-12-31T23:59 in Etc/GMT+12 beyond NodaTime's
        // Instant: both threw (issue #15, found by fuzzing). A day of margin keeps every zone's offset (at most ±18h) in range.
        if (local.Year < 2 || local.Year > 9998)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{local:uuuu-MM-dd'T'HH:mm:ss} is outside the years 2 to 9998 that a local time may name");
            return false;
        }

        var mapping = zone.MapLocal(local);
        if (mapping.Count == 0)
        {
            error = GapMessage(local, zone);
            return false;
        }

        var chosen = mapping.Count == 1 ? mapping.Single() : isEnd ? mapping.Last() : mapping.First();
        instant = chosen.ToDateTimeOffset().ToUniversalTime();
        return true;
    }

    /// <summary>Parses a local time without offset (<c>yyyy-MM-ddTHH:mm[:ss]</c> or <c>yyyy-MM-dd HH:mm</c>); false with a message otherwise.</summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="local">The local time.</param>
    /// <param name="error">Why it is not one (quotes the text and gives an example).</param>
    public static bool TryParseLocal(string text, out LocalDateTime local, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var parsed = LocalPatterns.Select(p => p.Parse(trimmed)).FirstOrDefault(r => r.Success);
        local = parsed?.Value ?? default;
        error = parsed is null ? $"'{trimmed}' is not a date and time (expected yyyy-MM-ddTHH:mm, e.g. 2026-12-04T12:00)" : string.Empty;
        return parsed is not null;
    }

    /// <summary>
    /// The UTC offsets <paramref name="local"/> has in <paramref name="zone"/>, as <c>+01:00</c>: one normally, two in an
    /// autumn overlap (the earlier instant's first), none in a spring-forward gap. Lets a person be asked which one they mean.
    /// </summary>
    public static IReadOnlyList<string> OffsetsOf(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var mapping = zone.MapLocal(local);
        return mapping.Count switch
        {
            0 => [],
            1 => [Format(mapping.Single().Offset)],
            _ => [Format(mapping.First().Offset), Format(mapping.Last().Offset)],
        };
    }

    /// <summary>
    /// Maps a local time leniently, for recurring windows: a time in a gap moves forward by the gap's length
    /// (02:30 on a spring-forward night becomes 03:30), an overlap takes the earlier instant.
    /// </summary>
    public static DateTimeOffset ResolveLenient(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return local.InZone(zone, Resolvers.LenientResolver).ToDateTimeOffset().ToUniversalTime();
    }

    private static string Format(Offset offset) => offset.ToString("m", CultureInfo.InvariantCulture);

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z')) return true;
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0) t = text.IndexOf(' ', StringComparison.Ordinal);
        return t >= 0 && text.IndexOfAny(['+', '-'], t) >= 0;
    }
}
