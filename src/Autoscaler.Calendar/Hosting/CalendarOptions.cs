namespace Autoscaler.Calendar.Hosting;

/// <summary>Configuration section <c>Calendar</c> (appsettings.json, environment <c>Calendar__Namespaces__0=shop</c>, or command line).</summary>
public sealed class CalendarOptions
{
    /// <summary>Namespaces the calendar shows; each user sees those where RBAC lets them list scalingevents.</summary>
    public IList<string> Namespaces { get; } = [];

    /// <summary>Lead time the preview assumes when an event says auto (the controller measures pod startup; the calendar cannot).</summary>
    public string DefaultLeadTime { get; set; } = "5m";

    /// <summary>Prometheus base URL for load history (query_range); null: no history (the preview says so).</summary>
    public string? PrometheusUrl { get; set; }

    /// <summary>Directory of <c>&lt;namespace&gt;/&lt;hpa&gt;.csv</c> load histories (timestamp,value), used when Prometheus is not configured.</summary>
    public string? HistoryCsvDirectory { get; set; }

    /// <summary>Shift CSV histories so they end now (replaying a recorded trace as recent load; demos and browser tests).</summary>
    public bool RetimeCsvToNow { get; set; }

    /// <summary>Grid step of the history read for the preview.</summary>
    public string HistoryStep { get; set; } = "5m";

    /// <summary>How much history the preview reads (at least 8 days so "one week earlier" exists).</summary>
    public string HistoryWindow { get; set; } = "14d";

    /// <summary>Forecaster name (Core's ForecasterCatalog).</summary>
    public string Forecaster { get; set; } = "auto";

    /// <summary>
    /// Directory where ASP.NET data protection keeps its key ring (the keys that sign antiforgery tokens), on a volume
    /// that outlives the pod (manifests/calendar mounts a PersistentVolumeClaim at /var/lib/autoscaler-calendar/keys).
    /// Null: ASP.NET's default ($HOME/.aspnet/DataProtection-Keys, or memory), so a restart that loses it invalidates
    /// every open page's token. Must exist (a typo would otherwise write into the container's read-only root).
    /// </summary>
    public string? DataProtectionKeysPath { get; set; }
}
