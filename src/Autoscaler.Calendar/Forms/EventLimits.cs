namespace Autoscaler.Calendar.Forms;

/// <summary>
/// The ranges the form accepts. Stricter than the CRD (multiplier ≤ 100, bump ≤ 10000 %) on purpose: a product
/// manager's "about 80x" is far more likely a typo than a forecast, and an SRE can still write the CR directly.
/// </summary>
public static class EventLimits
{
    /// <summary>Largest accepted multiplier ("about 50x").</summary>
    public const double MaxMultiplier = 50;

    /// <summary>Largest accepted bump in percent (+1000 % = 11x).</summary>
    public const int MaxBumpPercent = 1000;

    /// <summary>Longest accepted single window.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);

    /// <summary>Longest title.</summary>
    public const int MaxTitle = 120;

    /// <summary>Longest note (the CRD's description limit).</summary>
    public const int MaxNote = 1024;

    /// <summary>How far ahead the overlap warning compares the windows of recurring events.</summary>
    public static readonly TimeSpan OverlapHorizon = TimeSpan.FromDays(180);

    /// <summary>Most windows per event the overlap warning compares (a cron every minute would otherwise be 259,200).</summary>
    public const int MaxOverlapWindows = 5000;
}
