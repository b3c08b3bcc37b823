namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>A source's health at one moment, used by <c>/readyz</c>.</summary>
/// <param name="Healthy">True when the source can answer queries.</param>
/// <param name="Detail">A short reason, shown in verbose readiness output and logs.</param>
public sealed record SourceHealth(bool Healthy, string Detail)
{
    /// <summary>A healthy report.</summary>
    public static SourceHealth Ok { get; } = new(true, "ok");

    /// <summary>An unhealthy report with its reason.</summary>
    public static SourceHealth Failed(string detail) => new(false, detail);
}
