using System.CommandLine;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.MetricsAdapter.Hosting.CommandLine;

/// <summary>
/// The adapter's command line on System.CommandLine. Flags are named like the Go apiserver's, so existing manifests
/// read naturally. Any <c>--Section:Key=value</c> argument is passed to ASP.NET configuration instead, which is how the
/// sources' options sections (for example <c>--Grpc:Port=9090</c>) are set from the command line; environment
/// variables such as <c>Grpc__Port</c> work too. <c>generate-cert</c> is a sub-command.
/// </summary>
internal static class AdapterCommandLine
{
    private const string Description =
        """
        autoscaler-metrics-adapter: serves external.metrics.k8s.io/v1beta1 and custom.metrics.k8s.io/v1beta2,v1beta1
        to the HPA as an aggregated API server (HTTPS, delegated authentication and authorization).

        Sources' settings are options sections given as --Section:Key=value (or environment Section__Key), e.g.
          --Push:MaxFutureSkew=00:05:00  --Prometheus:Url=http://prometheus:9090  --Staleness:MaxAge=00:02:00
        Sections: Push, Storage, Grpc, Keda, History, RemoteWrite, Prometheus, Staleness, Objects, Floors (the
        controller's pre-scale floor metric needs --Floors:Enabled=true); keys and defaults: docs/adapter.md, "Sources".
        Durations of flags are written 500ms, 10s, 2m, 1h30m. Bad values are reported all at once, each with its
        flag, and the process exits 2. Docs: docs/adapter.md.
        """;

    /// <summary>The command's documented name, shown in the help's usage line.</summary>
    public const string CommandName = "autoscaler-metrics-adapter";

    /// <summary>Every serving flag, in help order.</summary>
    public static IReadOnlyList<AdapterFlag> Flags { get; } = CreateFlags(new AdapterOptions());

    /// <summary>The root command: the serving flags and the <c>generate-cert</c> sub-command (help, version and
    /// typo suggestions come from the library).</summary>
    public static RootCommand Command { get; } = CreateRoot();

    /// <summary>Parses <paramref name="args"/>: the serving options, the <c>--Section:Key</c> settings and every error.</summary>
    public static AdapterInvocation Parse(IReadOnlyList<string> args)
    {
        var (flagArgs, configuration) = SplitSettings(args);
        var result = Command.Parse(flagArgs);
        var options = new AdapterOptions();
        foreach (var flag in Flags)
        {
            flag.Apply(result, options);
        }

        return new AdapterInvocation(result, options, configuration, ParseErrors.Collect(result));
    }

    private static RootCommand CreateRoot()
    {
        // Unknown flags are reported by ParseErrors with the flag's name, like every other error.
        // The usage line names the documented command (the image's entrypoint), not the assembly or testhost.
        var root = new RootCommand(Description) { HelpName = CommandName };
        // Serving is not an action here: Program.cs builds the host when AdapterInvocation.Serves.
        root.SetAction(_ => 0);
        root.Add(GenerateCertCommand.Create(TimeProvider.System)); // the process boundary: certificates start now
        foreach (var flag in Flags)
        {
            root.Add(flag.Option);
        }

        return root;
    }

    // "--Section:Key=value" or "--Section:Key value" goes to configuration, as before System.CommandLine.
    private static (List<string> Flags, List<KeyValuePair<string, string?>> Settings) SplitSettings(IReadOnlyList<string> args)
    {
        var flags = new List<string>();
        var settings = new List<KeyValuePair<string, string?>>();
        var isSubcommand = args.Count > 0 && args[0] == GenerateCertCommand.Name;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (isSubcommand || !name.StartsWith("--", StringComparison.Ordinal) || !name.Contains(':', StringComparison.Ordinal))
            {
                flags.Add(arg);
                continue;
            }

            var value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[++i] : null;
            settings.Add(new(name[2..], value));
        }

        return (flags, settings);
    }

    private static AdapterFlag[] CreateFlags(AdapterOptions d) =>
    [
        AdapterFlag.Bind(FlagOptions.Whole<int>("--secure-port", "PORT", $"HTTPS port to serve on (1-65535). Default: {d.SecurePort}."), (o, v) => o.SecurePort = v),
        AdapterFlag.Bind(FlagOptions.Text("--bind-address", "IP", $"IP address to listen on. Default: {d.BindAddress} (all interfaces)."), (o, v) => o.BindAddress = v),
        AdapterFlag.Bind(FlagOptions.Text("--tls-cert-file", "FILE", "PEM serving certificate, reloaded when it changes. Default: none (a self-signed certificate is generated)."), (o, v) => o.TlsCertFile = v),
        AdapterFlag.Bind(FlagOptions.Text("--tls-private-key-file", "FILE", "PEM private key of --tls-cert-file (give both or neither). Default: none."), (o, v) => o.TlsPrivateKeyFile = v),
        AdapterFlag.Bind(FlagOptions.Duration("--tls-reload-interval", $"How often the certificate files are checked for changes (at least 1s). Default: {DurationParser.Format(d.TlsReloadInterval)}."), (o, v) => o.TlsReloadInterval = v),
        AdapterFlag.Bind(FlagOptions.Text("--cert-dir", "DIR", "Directory where a generated self-signed certificate is written as apiserver.crt/apiserver.key. Default: none (kept in memory)."), (o, v) => o.CertDir = v),
        AdapterFlag.Bind(FlagOptions.List("--self-signed-hosts", $"Comma-separated DNS names and IPs put in a generated certificate. Default: {string.Join(',', d.SelfSignedHosts)}."), (o, v) => Replace(o.SelfSignedHosts, v)),
        AdapterFlag.Bind(FlagOptions.Text("--kubeconfig", "FILE", "kubeconfig used for TokenReview, SubjectAccessReview and the trust ConfigMap. Default: the in-cluster service account."), (o, v) => o.Kubeconfig = v),
        AdapterFlag.Bind(FlagOptions.Switch("--authentication-skip-lookup", "Do not read kube-system/extension-apiserver-authentication; trust only the files given by flags. Default: off (read it)."), (o, v) => o.AuthenticationSkipLookup = v),
        AdapterFlag.Bind(FlagOptions.Duration("--trust-refresh-interval", $"How often that ConfigMap is re-read (at least 1s). Default: {DurationParser.Format(d.TrustRefreshInterval)}."), (o, v) => o.TrustRefreshInterval = v),
        AdapterFlag.Bind(FlagOptions.Text("--requestheader-client-ca-file", "FILE", "Front-proxy CA bundle (PEM); replaces the ConfigMap's CA. Default: none (from the ConfigMap)."), (o, v) => o.RequestHeaderClientCaFile = v),
        AdapterFlag.Bind(FlagOptions.List("--requestheader-allowed-names", "Comma-separated front-proxy certificate CNs allowed to assert identities. Default: empty (any CN the CA signed)."), (o, v) => Replace(o.RequestHeaderAllowedNames, v)),
        AdapterFlag.Bind(FlagOptions.Text("--client-ca-file", "FILE", "CA bundle (PEM) for ordinary client certificates (CN = user, O = groups). Default: none."), (o, v) => o.ClientCaFile = v),
        AdapterFlag.Bind(FlagOptions.Duration("--authentication-token-webhook-cache-ttl", $"How long TokenReview answers are cached. Default: {DurationParser.Format(d.Auth.TokenCacheTtl)}."), (o, v) => o.Auth.TokenCacheTtl = v),
        AdapterFlag.Bind(FlagOptions.Duration("--authorization-webhook-cache-authorized-ttl", $"How long an allowing SubjectAccessReview is cached. Default: {DurationParser.Format(d.Auth.AuthorizedCacheTtl)}."), (o, v) => o.Auth.AuthorizedCacheTtl = v),
        AdapterFlag.Bind(FlagOptions.Duration("--authorization-webhook-cache-unauthorized-ttl", $"How long a denying SubjectAccessReview is cached. Default: {DurationParser.Format(d.Auth.UnauthorizedCacheTtl)}."), (o, v) => o.Auth.UnauthorizedCacheTtl = v),
        AdapterFlag.Bind(FlagOptions.List("--authorization-always-allow-paths", $"Comma-separated paths served without authentication; a trailing /* also matches sub-paths (add /metrics for unauthenticated scrapes). Default: {string.Join(',', d.Auth.AlwaysAllowPaths)}."), (o, v) => Replace(o.Auth.AlwaysAllowPaths, v)),
        AdapterFlag.Bind(FlagOptions.Switch("--insecure-disable-auth", "Serve everything without authentication or authorization: anyone who reaches the port reads every metric (local development only). Default: off."), (o, v) => o.Auth.Disabled = v),
        AdapterFlag.Bind(FlagOptions.Whole<long>("--max-request-body-bytes", "BYTES", $"Largest accepted request body in bytes (at least 1024); larger bodies get 413. Default: {d.MaxRequestBodyBytes} (1 MiB)."), (o, v) => o.MaxRequestBodyBytes = v),
    ];

    private static void Replace(IList<string> target, IReadOnlyList<string> items)
    {
        target.Clear();
        foreach (var item in items)
        {
            target.Add(item);
        }
    }
}
