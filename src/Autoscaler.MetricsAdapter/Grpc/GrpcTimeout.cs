using System.Globalization;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Parses the <c>grpc-timeout</c> header: 1 to 8 ASCII digits and a unit (H M S m u n).</summary>
internal static class GrpcTimeout
{
    public static bool TryParse(string? header, out TimeSpan timeout)
    {
        timeout = default;
        if (header is null || header.Length is < 2 or > 9)
        {
            return false;
        }

        var digits = header.AsSpan(0, header.Length - 1);
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        long? ticks = header[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * 10,
            'n' => amount / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }
}
