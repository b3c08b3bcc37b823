using System.Globalization;
using NodaTime;

namespace Autoscaler.Core.Planning.Calendar;

// The wording of DST gaps and overlaps: one source for the controller's conditions, the simulator's errors and the
// calendar's form, in wall-clock terms (what to type), never "write it in UTC" (a form cannot).
public static partial class LocalTimeResolver
{
    /// <summary>
    /// Why <paramref name="local"/> does not exist in <paramref name="zone"/> and what to write instead, in wall-clock terms
    /// every reader can act on (a calendar form cannot take UTC): "2027-03-28T02:30:00 does not exist in Europe/Paris: on
    /// 2027-03-28 clocks jump from 02:00 to 03:00 (a DST gap); use 03:00 or later, or a time before 02:00". The one wording
    /// the controller's conditions, the simulator and the calendar show.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="local"/> exists in <paramref name="zone"/>.</exception>
    public static string GapMessage(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var mapping = zone.MapLocal(local);
        if (mapping.Count != 0) throw new ArgumentException($"{local} exists in {zone.Id}.", nameof(local));
        var jump = mapping.LateInterval.Start;
        var from = jump.WithOffset(mapping.EarlyInterval.WallOffset).LocalDateTime;
        var to = jump.WithOffset(mapping.LateInterval.WallOffset).LocalDateTime;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{local:uuuu-MM-dd'T'HH:mm:ss} does not exist in {zone.Id}: on {local.Date:uuuu-MM-dd} clocks jump from {Wall(from, local.Date)} to {Wall(to, local.Date)} (a DST gap); use {Wall(to, local.Date)} or later, or a time before {Wall(from, local.Date)}");
    }

    /// <summary>
    /// Why <paramref name="local"/> happens twice in <paramref name="zone"/> and how to say which one is meant: "2027-10-31T02:30:00
    /// happens twice in Europe/Paris: on 2027-10-31 clocks go back from 03:00 to 02:00 (a DST overlap), so 02:30 comes first at
    /// +02:00 (00:30Z) and again an hour later at +01:00 (01:30Z); choose +02:00 (the first) or +01:00 (the second)". The offsets
    /// are those <see cref="OffsetsOf"/> returns (a spec names one as <c>2027-10-31T02:30:00+02:00</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="local"/> does not happen twice in <paramref name="zone"/>.</exception>
    public static string OverlapMessage(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var mapping = zone.MapLocal(local);
        if (mapping.Count != 2) throw new ArgumentException($"{local} does not happen twice in {zone.Id}.", nameof(local));
        var back = mapping.LateInterval.Start;
        var from = back.WithOffset(mapping.EarlyInterval.WallOffset).LocalDateTime;
        var to = back.WithOffset(mapping.LateInterval.WallOffset).LocalDateTime;
        var (first, second) = (mapping.First(), mapping.Last());
        var repeat = second.ToInstant() - first.ToInstant();
        var time = Wall(local, local.Date);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{local:uuuu-MM-dd'T'HH:mm:ss} happens twice in {zone.Id}: on {local.Date:uuuu-MM-dd} clocks go back from {Wall(from, local.Date)} to {Wall(to, local.Date)} (a DST overlap), so {time} comes first at {Format(first.Offset)} ({Utc(first)}) and again {Span(repeat)} later at {Format(second.Offset)} ({Utc(second)}); choose {Format(first.Offset)} (the first) or {Format(second.Offset)} (the second)");
    }

    // A wall-clock time as people read it: HH:mm (HH:mm:ss for the odd-second offsets of old local mean times), with the
    // date only when it is not the day being talked about (Samoa skipped 2011-12-30 entirely).
    private static string Wall(LocalDateTime time, LocalDate day)
    {
        var clock = time.Second == 0 ? time.ToString("HH:mm", CultureInfo.InvariantCulture) : time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return time.Date == day ? clock : time.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " " + clock;
    }

    private static string Utc(ZonedDateTime time) =>
        time.ToInstant().InUtc().ToString(time.Second == 0 ? "HH:mm'Z'" : "HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Span(Duration span) =>
        span.Seconds == 0 && span.Minutes == 0 ? $"{(long)span.TotalHours} h"
        : span.Seconds == 0 ? $"{(long)span.TotalMinutes} min"
        : $"{(long)span.TotalSeconds} s";
}
