using NodaTime;

namespace Autoscaler.Core.Planning.Calendar;

/// <summary>
/// A local calendar day (a holiday, a maintenance day) on which forecast-driven floors are suppressed;
/// scheduled events still apply. The day is read in its own IANA zone, midnight to midnight local time.
/// </summary>
public sealed class ExclusionDate
{
    private readonly LocalDate _date;
    private readonly DateTimeZone _zone;

    /// <summary>Creates an exclusion of <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public ExclusionDate(LocalDate date, DateTimeZone zone)
    {
        _date = date;
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
    }

    /// <summary>Creates one from a <c>yyyy-MM-dd</c> date and a zone id; null with a reason on bad input.</summary>
    public static ExclusionDate? TryCreate(string date, string? zoneId, out string error)
    {
        var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse((date ?? string.Empty).Trim());
        if (!parsed.Success)
        {
            error = $"'{date}' is not a date (yyyy-MM-dd)";
            return null;
        }

        var zone = LocalTimeResolver.FindZone(zoneId ?? "UTC", out error);
        return zone is null ? null : new ExclusionDate(parsed.Value, zone);
    }

    /// <summary>True when <paramref name="instant"/> falls on this local day.</summary>
    public bool Covers(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(_zone).Date == _date;

    /// <inheritdoc/>
    public override string ToString() => $"{_date:uuuu-MM-dd} ({_zone.Id})";
}
