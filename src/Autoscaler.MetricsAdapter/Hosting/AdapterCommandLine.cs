using System.Globalization;
using System.Text;

namespace Autoscaler.MetricsAdapter.Hosting;

/// <summary>
/// The adapter's flags (named like the Go apiserver's, so existing manifests read naturally). Any
/// <c>--Section:Key=value</c> argument is passed to ASP.NET configuration instead, which is how the sources'
/// options sections (for example <c>--Grpc:Port=9090</c>) are set from the command line; environment
/// variables such as <c>Grpc__Port</c> work too.
/// </summary>
internal static class AdapterCommandLine
{
    public static readonly IReadOnlyList<CommandLineFlag> Flags =
    [
        new("--secure-port", "PORT", "HTTPS port (default 8443)", (o, v) => Int(v!, p => o.SecurePort = p)),
        new("--bind-address", "IP", "address to listen on (default 0.0.0.0)", (o, v) => Set(() => o.BindAddress = v!)),
        new("--tls-cert-file", "FILE", "PEM serving certificate, reloaded when it changes (default: generate a self-signed one)", (o, v) => Set(() => o.TlsCertFile = v)),
        new("--tls-private-key-file", "FILE", "PEM key of --tls-cert-file", (o, v) => Set(() => o.TlsPrivateKeyFile = v)),
        new("--tls-reload-interval", "DURATION", "how often certificate files are checked (default 10s)", (o, v) => Duration(v!, d => o.TlsReloadInterval = d)),
        new("--cert-dir", "DIR", "write a generated self-signed certificate here as apiserver.crt/apiserver.key", (o, v) => Set(() => o.CertDir = v)),
        new("--self-signed-hosts", "LIST", "comma-separated DNS names/IPs for a generated certificate (default localhost,127.0.0.1)", (o, v) => List(v!, o.SelfSignedHosts)),
        new("--kubeconfig", "FILE", "kubeconfig for TokenReview/SubjectAccessReview/ConfigMap reads (default: in-cluster)", (o, v) => Set(() => o.Kubeconfig = v)),
        new("--authentication-skip-lookup", null, "do not read kube-system/extension-apiserver-authentication", (o, v) => Bool(v, b => o.AuthenticationSkipLookup = b)),
        new("--trust-refresh-interval", "DURATION", "how often that ConfigMap is re-read (default 10s)", (o, v) => Duration(v!, d => o.TrustRefreshInterval = d)),
        new("--requestheader-client-ca-file", "FILE", "front-proxy CA bundle (replaces the ConfigMap lookup)", (o, v) => Set(() => o.RequestHeaderClientCaFile = v)),
        new("--requestheader-allowed-names", "LIST", "allowed front-proxy certificate CNs (default: any)", (o, v) => List(v!, o.RequestHeaderAllowedNames)),
        new("--client-ca-file", "FILE", "CA bundle for ordinary client certificates (CN = user, O = groups)", (o, v) => Set(() => o.ClientCaFile = v)),
        new("--authentication-token-webhook-cache-ttl", "DURATION", "TokenReview cache (default 10s)", (o, v) => Duration(v!, d => o.Auth.TokenCacheTtl = d)),
        new("--authorization-webhook-cache-authorized-ttl", "DURATION", "allowed SubjectAccessReview cache (default 10s)", (o, v) => Duration(v!, d => o.Auth.AuthorizedCacheTtl = d)),
        new("--authorization-webhook-cache-unauthorized-ttl", "DURATION", "denied SubjectAccessReview cache (default 10s)", (o, v) => Duration(v!, d => o.Auth.UnauthorizedCacheTtl = d)),
        new("--authorization-always-allow-paths", "LIST", "paths served without auth (default /healthz,/livez,/readyz and sub-paths; add /metrics for unauthenticated scrapes)", (o, v) => List(v!, o.Auth.AlwaysAllowPaths)),
        new("--insecure-disable-auth", null, "serve everything without authentication or authorization (local development only)", (o, v) => Bool(v, b => o.Auth.Disabled = b)),
        new("--max-request-body-bytes", "BYTES", "largest accepted request body (default 1048576)", (o, v) => Long(v!, n => o.MaxRequestBodyBytes = n)),
    ];

    /// <summary>Parses arguments; returns every error at once (each naming its flag).</summary>
    public static (AdapterOptions Options, IReadOnlyList<KeyValuePair<string, string?>> Configuration, IReadOnlyList<string> Errors, bool Help) Parse(IReadOnlyList<string> args)
    {
        var options = new AdapterOptions();
        var configuration = new List<KeyValuePair<string, string?>>();
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return (options, configuration, errors, true);
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            string? value = eq > 0 ? arg[(eq + 1)..] : null;
            if (name.StartsWith("--", StringComparison.Ordinal) && name.Contains(':', StringComparison.Ordinal))
            {
                value ??= i + 1 < args.Count ? args[++i] : null;
                configuration.Add(new(name[2..], value));
                continue;
            }

            var flag = Flags.FirstOrDefault(f => f.Name == name);
            if (flag is null)
            {
                errors.Add($"{name}: unknown flag (see --help)");
                continue;
            }

            if (!flag.IsSwitch && value is null)
            {
                if (i + 1 >= args.Count)
                {
                    errors.Add($"{name}: needs a value ({flag.ValueHint})");
                    continue;
                }

                value = args[++i];
            }

            if (flag.Apply(options, value) is { } error)
            {
                errors.Add($"{name}: {error}");
            }
        }

        return (options, configuration, errors, false);
    }

    public static string Help()
    {
        var sb = new StringBuilder();
        sb.Append("autoscaler-metrics-adapter: serves external.metrics.k8s.io/v1beta1 and custom.metrics.k8s.io/v1beta2,v1beta1\n\n");
        sb.Append("usage: Autoscaler.MetricsAdapter [flags] [--Section:Key=value ...]\n");
        sb.Append("       Autoscaler.MetricsAdapter generate-cert --out DIR [--hosts LIST] [--days N]\n\nflags:\n");
        // The widest flag plus its value hint sets the column, so no flag ever runs into its help text.
        var rows = Flags.Select(f => (Left: f.IsSwitch ? f.Name : $"{f.Name} {f.ValueHint}", f.Help)).Append((Left: "--help", Help: "show this text")).ToList();
        var width = rows.Max(r => r.Left.Length) + 3;
        foreach (var (left, help) in rows)
        {
            sb.Append("  ").Append(left.PadRight(width)).Append(help).Append('\n');
        }

        sb.Append("\nsources' settings (--Section:Key=value, or environment Section__Key), e.g.:\n");
        sb.Append("  --Push:MaxFutureSkew=00:05:00  --Prometheus:Url=http://prometheus:9090  --Staleness:MaxAge=00:02:00\n");
        return sb.ToString();
    }

    private static string? Set(Action set)
    {
        set();
        return null;
    }

    private static string? Int(string v, Action<int> set) =>
        int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Set(() => set(n)) : $"\"{v}\" is not a whole number";

    private static string? Long(string v, Action<long> set) =>
        long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Set(() => set(n)) : $"\"{v}\" is not a whole number";

    private static string? Duration(string v, Action<TimeSpan> set) =>
        DurationText.TryParse(v, out var d) ? Set(() => set(d)) : $"\"{v}\" is not a duration such as 500ms, 10s, 2m";

    private static string? Bool(string? v, Action<bool> set) => v switch
    {
        null or "true" => Set(() => set(true)),
        "false" => Set(() => set(false)),
        _ => $"\"{v}\" is not true or false",
    };

    private static string? List(string v, IList<string> target)
    {
        target.Clear();
        foreach (var item in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            target.Add(item);
        }

        return null;
    }
}
