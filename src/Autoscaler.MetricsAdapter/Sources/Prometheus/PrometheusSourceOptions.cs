using Autoscaler.Prometheus.Query;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>Options of the Prometheus source (section <c>Prometheus</c>). The source is off unless <see cref="Url"/> is set.</summary>
public sealed class PrometheusSourceOptions
{
    /// <summary>Base URL of Prometheus, e.g. <c>http://prometheus.monitoring.svc:9090</c>. Default: none (source disabled).</summary>
    public string? Url { get; set; }

    /// <summary>Path of a prometheus-adapter configuration file (<c>rules</c>, <c>externalRules</c>). Required with <see cref="Url"/>.</summary>
    public string? RulesFile { get; set; }

    /// <summary>How often series are rediscovered through <c>/api/v1/series</c>. Default 1 minute.</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back discovery looks for series (<c>start</c> of <c>/api/v1/series</c>). Default 10 minutes.</summary>
    public TimeSpan SeriesLookback { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Timeout of one HTTP attempt. Default 5 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one call including retries. Default 12 seconds (the HPA's own request timeout is longer).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Retries after a transient failure (connection error, 5xx, timeout). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long the circuit stays open after too many failures. Default 15 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The timeouts, retries and break duration above, for the shared client (<see cref="PrometheusClient"/>).</summary>
    public PrometheusResilienceOptions Resilience => new()
    {
        AttemptTimeout = AttemptTimeout,
        TotalTimeout = TotalTimeout,
        MaxRetries = MaxRetries,
        BreakDuration = BreakDuration,
    };

    /// <summary>True when the source is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Returns every problem with these options (empty when valid or disabled).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enabled)
        {
            return errors;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"Prometheus:Url must be an absolute http(s) URL (got '{Url}')");
        }

        if (string.IsNullOrWhiteSpace(RulesFile))
        {
            errors.Add("Prometheus:RulesFile is required when Prometheus:Url is set");
        }
        else if (!File.Exists(RulesFile))
        {
            errors.Add($"Prometheus:RulesFile '{RulesFile}' does not exist");
        }

        Positive(DiscoveryInterval, "DiscoveryInterval");
        Positive(SeriesLookback, "SeriesLookback");
        Positive(AttemptTimeout, "AttemptTimeout");
        Positive(TotalTimeout, "TotalTimeout");
        Positive(BreakDuration, "BreakDuration");
        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"Prometheus:MaxRetries must be 0..10 (got {MaxRetries})");
        }

        return errors;

        void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"Prometheus:{name} must be positive (got {value})");
            }
        }
    }
}
