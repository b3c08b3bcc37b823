using System.Globalization;
using Autoscaler.Core.Planning.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Autoscaler.Calendar.Forms;

/// <summary>
/// Resolves a form's local time in an IANA zone, refusing what a person could not mean without being asked: a
/// local time in a DST gap is an error (Core's <see cref="LocalTimeResolver"/> words it), and one in a DST overlap
/// needs the user's choice of offset (the message names both), unlike the controller, which picks silently.
/// </summary>
public static class FormTimeResolver
{
    private static readonly LocalDateTimePattern[] Patterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss"),
    ];

    /// <summary>Resolves <paramref name="text"/>; null with <paramref name="error"/> set (and <paramref name="choices"/> for an overlap).</summary>
    /// <param name="text">Local time as typed.</param>
    /// <param name="zone">A zone already found.</param>
    /// <param name="offset">The chosen offset (<c>+01:00</c>) for an overlap, or null.</param>
    /// <param name="error">Why it failed.</param>
    /// <param name="choices">For an overlap: the two offsets to choose from; otherwise empty.</param>
    public static ResolvedTime? Resolve(string? text, DateTimeZone zone, string? offset, out string error, out IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(zone);
        choices = [];
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "required (yyyy-MM-ddTHH:mm)";
            return null;
        }

        var parsed = Patterns.Select(p => p.Parse(text.Trim())).FirstOrDefault(r => r.Success);
        if (parsed is null)
        {
            error = $"'{text.Trim()}' is not a date and time (expected yyyy-MM-ddTHH:mm, e.g. 2026-12-04T12:00)";
            return null;
        }

        var local = parsed.Value;
        var mapping = zone.MapLocal(local);
        var localText = local.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        switch (mapping.Count)
        {
            case 0:
                LocalTimeResolver.TryResolve(local, zone, false, out _, out error);
                return null;
            case 1:
                return new ResolvedTime(mapping.Single().ToDateTimeOffset().ToUniversalTime(), localText);
            default:
                var candidates = new[] { mapping.First(), mapping.Last() };
                var options = candidates.Select(z => z.Offset.ToString("m", CultureInfo.InvariantCulture)).ToList();
                choices = options;
                var index = options.IndexOf(offset?.Trim() ?? string.Empty);
                if (index < 0)
                {
                    error = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{localText} happens twice in {zone.Id} (clocks go back): choose {options[0]} (the first time) or {options[1]} (the second)");
                    return null;
                }

                var instant = candidates[index].ToDateTimeOffset();
                return new ResolvedTime(instant.ToUniversalTime(), instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }
    }
}
