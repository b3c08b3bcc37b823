using System.Globalization;

namespace Autoscaler.Simulator.Cli;

/// <summary>Instants in messages: UTC to the second, <c>yyyy-MM-ddTHH:mm:ssZ</c> (the form <c>--from/--to</c> accept).</summary>
internal static class Instant
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary><paramref name="t"/> (UTC, or converted to UTC when local) as <c>1998-06-27T00:00:00Z</c>.</summary>
    public static string Format(DateTime t) =>
        (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary><paramref name="t"/> converted to UTC as <c>1998-06-27T00:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset t) => t.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);
}
