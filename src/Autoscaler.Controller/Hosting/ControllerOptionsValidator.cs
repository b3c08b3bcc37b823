using System.Net;

namespace Autoscaler.Controller.Hosting;

/// <summary>Checks <see cref="ControllerOptions"/> at start, collecting every error (a bad start is fatal).</summary>
public static class ControllerOptionsValidator
{
    /// <summary>Returns every problem, naming the flag; empty when valid.</summary>
    /// <param name="options">The options.</param>
    public static IReadOnlyList<string> Validate(ControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.SyncPeriod < TimeSpan.FromSeconds(1))
        {
            errors.Add($"--sync-period must be at least 1s (got {options.SyncPeriod})");
        }

        if (options.RenewDeadline >= options.LeaseDuration)
        {
            errors.Add($"--renew-deadline ({options.RenewDeadline}) must be shorter than --lease-duration ({options.LeaseDuration}), or two replicas could act at once");
        }

        if (options.RetryPeriod <= TimeSpan.Zero || options.RetryPeriod >= options.RenewDeadline)
        {
            errors.Add($"--retry-period ({options.RetryPeriod}) must be positive and shorter than --renew-deadline ({options.RenewDeadline})");
        }

        if (options.DecisionsKept is < 1 or > 20)
        {
            errors.Add($"--decisions-kept must be within 1..20 (the CRD keeps at most 20; got {options.DecisionsKept})");
        }

        if (options.HttpPort is < 1 or > 65535)
        {
            errors.Add($"--http-port must be a TCP port (got {options.HttpPort})");
        }

        if (!IPAddress.TryParse(options.HttpAddress, out _))
        {
            errors.Add($"--http-address: '{options.HttpAddress}' is not an IP address");
        }

        if (options.PrometheusUrl is { } prometheus && (!prometheus.IsAbsoluteUri || (prometheus.Scheme != Uri.UriSchemeHttp && prometheus.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"--prometheus-url must be an absolute http:// or https:// URL (got {prometheus})");
        }

        if (options.Kubeconfig is { } path && !File.Exists(path))
        {
            errors.Add($"--kubeconfig: no file at {path}");
        }

        if (options.AdapterUrl is { } adapter && (!adapter.IsAbsoluteUri || adapter.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"--adapter-url must be an absolute https:// URL (the adapter serves only TLS; got {adapter})");
        }

        foreach (var (flag, file) in new[] { ("--adapter-ca-file", options.AdapterCaFile), ("--adapter-token-file", options.AdapterTokenFile) })
        {
            if (file is not null && !File.Exists(file))
            {
                errors.Add($"{flag}: no file at {file}");
            }
        }

        return errors;
    }
}
