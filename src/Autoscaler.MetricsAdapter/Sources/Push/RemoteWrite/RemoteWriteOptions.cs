namespace Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;

/// <summary>The remote-write sink (section <c>RemoteWrite</c>): pushed samples written to Prometheus or any
/// remote-write 1.0 receiver (Prometheus with <c>--web.enable-remote-write-receiver</c>, Thanos Receive, Mimir, ...).</summary>
public sealed class RemoteWriteOptions
{
    /// <summary>The receiver's write URL, e.g. <c>http://prometheus.monitoring.svc:9090/api/v1/write</c>. Empty: no sink.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Whether the embedded store is kept as well. Default <see cref="RemoteWriteMode.Also"/>.</summary>
    public RemoteWriteMode Mode { get; set; } = RemoteWriteMode.Also;

    /// <summary>How long one write may take before the push fails with <c>UNAVAILABLE</c>. Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A file holding a bearer token for the receiver (re-read on every write, so a rotated token is used). Optional.</summary>
    public string BearerTokenFile { get; set; } = string.Empty;

    /// <summary>True when a sink is configured.</summary>
    public bool Enabled => Url.Length > 0;

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Enabled && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add($"RemoteWrite:Url must be an absolute http or https URL (got '{Url}')");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            errors.Add($"RemoteWrite:Timeout must be positive (got {Timeout})");
        }

        return errors;
    }
}
