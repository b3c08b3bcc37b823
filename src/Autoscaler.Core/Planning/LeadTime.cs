using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Core.Planning;

/// <summary>
/// How long before it is needed capacity must be asked for: either an explicit duration, or automatic as
/// measured pod startup (p90) + one HPA sync period + the metric pipeline's delay (the HPA acts on the floor
/// at its next sync, and the new pods take their startup time to become ready).
/// </summary>
public sealed record LeadTime
{
    private LeadTime(TimeSpan value, string howComputed)
    {
        Value = value;
        HowComputed = howComputed;
    }

    /// <summary>The lead time.</summary>
    public TimeSpan Value { get; }

    /// <summary>How <see cref="Value"/> was obtained, stated in decision records.</summary>
    public string HowComputed { get; }

    /// <summary>An explicit lead time (≥ 0).</summary>
    public static LeadTime Explicit(TimeSpan value) =>
        value >= TimeSpan.Zero
            ? new LeadTime(value, $"explicit {DurationParser.Format(value)}")
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The lead time must not be negative.");

    /// <summary>
    /// Automatic: <paramref name="podStartupP90"/> + <paramref name="hpaSyncPeriod"/> + <paramref name="metricDelay"/>
    /// (each ≥ 0). <paramref name="startupSource"/> says where the startup figure came from (for example
    /// "scenario startupSeconds + jitter" or "p90 of 40 observed pod starts").
    /// </summary>
    public static LeadTime Auto(TimeSpan podStartupP90, TimeSpan hpaSyncPeriod, TimeSpan metricDelay, string startupSource)
    {
        if (podStartupP90 < TimeSpan.Zero || hpaSyncPeriod < TimeSpan.Zero || metricDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(podStartupP90), "Lead time parts must not be negative.");
        }

        var total = podStartupP90 + hpaSyncPeriod + metricDelay;
        return new LeadTime(
            total,
            $"auto {DurationParser.Format(total)} = pod startup p90 {DurationParser.Format(podStartupP90)} ({startupSource}) + HPA sync {DurationParser.Format(hpaSyncPeriod)} + metric delay {DurationParser.Format(metricDelay)}");
    }
}
