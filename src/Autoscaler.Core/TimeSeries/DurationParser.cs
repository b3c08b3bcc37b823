using System.Globalization;

namespace Autoscaler.Core.TimeSeries;

/// <summary>
/// Parses short durations as people write them in scenarios and flags: <c>90s</c>, <c>30m</c>, <c>1h</c>,
/// <c>14d</c>, <c>1w</c>, and sums such as <c>1h30m</c>. Units: <c>ms s m h d w</c>. No sign, no spaces.
/// </summary>
public static class DurationParser
{
    private static readonly decimal MaxSeconds = (decimal)TimeSpan.MaxValue.TotalSeconds / 2;

    /// <summary>Parses <paramref name="text"/>; on failure returns false and a message saying what is wrong.</summary>
    public static bool TryParse(string? text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a duration is required, such as 90s, 30m, 1h or 14d";
            return false;
        }

        var total = 0m;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            if (i == start || !decimal.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                error = $"'{text}' is not a duration: expected a number at position {start + 1} (examples: 90s, 30m, 1h, 14d, 1h30m)";
                return false;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            var seconds = UnitSeconds(text.AsSpan(unitStart, i - unitStart));
            if (seconds is null)
            {
                error = $"'{text}' is not a duration: unknown unit '{text[unitStart..i]}' (use ms, s, m, h, d or w)";
                return false;
            }

            // Checked before multiplying: 10^28 weeks overflowed decimal and threw out of TryParse (issue #15, found by fuzzing).
            if (amount > MaxSeconds / seconds.Value)
            {
                error = $"'{text}' is too long a duration";
                return false;
            }

            total += amount * seconds.Value;
        }

        if (total > MaxSeconds)
        {
            error = $"'{text}' is too long a duration";
            return false;
        }

        duration = TimeSpan.FromTicks((long)decimal.Round(total * TimeSpan.TicksPerSecond));
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> with the reason.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    /// <summary>Formats a duration in the same notation, largest units first (e.g. <c>1h30m</c>, <c>5m</c>, <c>0s</c>).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) return "-" + Format(-duration);
        if (duration == TimeSpan.Zero) return "0s";
        var parts = new System.Text.StringBuilder();
        Append(parts, duration.Days, "d");
        Append(parts, duration.Hours, "h");
        Append(parts, duration.Minutes, "m");
        Append(parts, duration.Seconds, "s");
        // Sub-millisecond ticks as a decimal fraction of ms: 100 ns printed as "" before (issue #15, found by fuzzing).
        var subSecondMs = (duration.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerMillisecond;
        if (subSecondMs != 0) parts.Append(subSecondMs.ToString("0.####", CultureInfo.InvariantCulture)).Append("ms");
        return parts.ToString();
    }

    private static void Append(System.Text.StringBuilder sb, int amount, string unit)
    {
        if (amount != 0) sb.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
    }

    private static decimal? UnitSeconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => 0.001m,
        "s" => 1m,
        "m" => 60m,
        "h" => 3600m,
        "d" => 86400m,
        "w" => 604800m,
        _ => null,
    };
}
