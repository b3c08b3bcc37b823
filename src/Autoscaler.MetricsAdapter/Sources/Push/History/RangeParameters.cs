using System.Globalization;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.MetricsAdapter.Sources.Push.History;

/// <summary>
/// The time parameters of Prometheus' <c>query_range</c>: <c>start</c> and <c>end</c> as Unix seconds (fractions
/// allowed) or RFC 3339, <c>step</c> as seconds or a duration such as <c>1m</c> or <c>1h30m</c>. Errors use
/// Prometheus' wording: <c>invalid parameter "start": cannot parse "x" to a valid timestamp</c>.
/// </summary>
internal static class RangeParameters
{
    /// <summary>Parses a timestamp to Unix milliseconds; null and an error when it is missing or not a time.</summary>
    public static long? Time(string name, string? text, out string error)
    {
        error = string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            && Math.Abs(seconds) < 253_402_300_799)
        {
            return (long)Math.Round(seconds * 1000);
        }

        if (text is { Length: > 0 } && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return time.ToUnixTimeMilliseconds();
        }

        error = $"invalid parameter \"{name}\": cannot parse \"{text}\" to a valid timestamp";
        return null;
    }

    /// <summary>Parses a step to milliseconds; null and an error when it is missing, not a duration, or not positive.</summary>
    public static long? Step(string? text, out string error)
    {
        error = string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < 1e12)
        {
            if (seconds <= 0)
            {
                error = "invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer";
                return null;
            }

            return Math.Max(1, (long)Math.Round(seconds * 1000));
        }

        if (DurationParser.TryParse(text, out var duration, out _) && duration > TimeSpan.Zero)
        {
            return Math.Max(1, (long)duration.TotalMilliseconds);
        }

        error = $"invalid parameter \"step\": cannot parse \"{text}\" to a valid duration";
        return null;
    }
}
