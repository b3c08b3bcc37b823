using Autoscaler.Core.Forecasting;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Shared.Text;

namespace Autoscaler.Calendar.Hosting;

/// <summary>
/// The calendar's command line: <c>--help</c> (which must never start the server) and the check of the <c>Calendar</c>
/// configuration section before the host starts, so a typo or a bad value stops the process with every error named
/// (<c>Calendar:HistoryStep: ...</c>) instead of being silently replaced by a default.
/// </summary>
public static class CalendarCommandLine
{
    /// <summary>Exit code for bad configuration (as the controller and the adapter).</summary>
    public const int BadUsage = 2;

    /// <summary>The keys of the <c>Calendar</c> section, with their defaults (docs/calendar.md, "Configuration").</summary>
    private static readonly string[] Known =
    [
        "Namespaces", "DefaultLeadTime", "PrometheusUrl", "HistoryCsvDirectory", "RetimeCsvToNow", "HistoryStep", "HistoryWindow",
        "Forecaster", "DataProtectionKeysPath", "Auth:UserHeader", "Auth:GroupHeader", "Auth:SecretHeader", "Auth:SharedSecret", "Auth:ProxyClientCaFile",
        "Auth:ProxyClientNames", "Auth:LocalUser", "Auth:LocalGroups",
    ];

    /// <summary>The text <c>--help</c> prints.</summary>
    public static string Help { get; } = """
        Description:
          autoscaler-calendar: the web calendar where product managers schedule, preview and approve pre-scale
          windows (ScalingEvents, autoscaling.autoscaler.dev/v1alpha1). Kubernetes is the database; every call is
          checked with a SubjectAccessReview for the calling user. Docs: docs/calendar.md.

        Usage:
          autoscaler-calendar [--urls <URLS>] [--Calendar:<KEY>=<VALUE> ...]

        Example (a laptop against a throw-away cluster; the user needs RBAC on scalingevents in shop):
          autoscaler-calendar --urls http://127.0.0.1:5080 --Calendar:Namespaces:0=shop --Calendar:Auth:LocalUser=pat
          then open http://127.0.0.1:5080

        Options:
          --urls <URLS>                            Listen addresses (ASP.NET Core). Default: http://localhost:5000.
          --Calendar:Namespaces:<I>=<NS>           Namespaces shown, one per index (0, 1, ...). Default: default.
          --Calendar:Auth:SharedSecret=<SECRET>    Secret the authenticating proxy sends in X-Proxy-Secret (at least 16
                                                   characters). Default: none.
          --Calendar:Auth:ProxyClientCaFile=<FILE> Or: PEM CA of the proxy's client certificate (serve HTTPS). Default: none.
          --Calendar:Auth:ProxyClientNames:<I>=<CN> Accepted CNs of that certificate. Default: any the CA signed.
          --Calendar:Auth:UserHeader=<NAME>        Proxy's user header. Default: X-Remote-User.
          --Calendar:Auth:GroupHeader=<NAME>       Proxy's group header. Default: X-Remote-Group.
          --Calendar:Auth:SecretHeader=<NAME>      Header carrying the shared secret. Default: X-Proxy-Secret.
          --Calendar:Auth:LocalUser=<USER>         Laptop runs only: loopback requests without another identity are this
                                                   user (RBAC still decides). Never in a deployment. Default: none.
          --Calendar:Auth:LocalGroups:<I>=<GROUP>  Groups of LocalUser (system:masters on a throw-away cluster). Default: none.
          --Calendar:PrometheusUrl=<URL>           Prometheus for the preview's history (HPA annotation
                                                   autoscaling.autoscaler.dev/history-query). Default: none (no history).
          --Calendar:HistoryCsvDirectory=<DIR>     Or: <namespace>/<hpa>.csv histories (timestamp,value). Default: none.
          --Calendar:RetimeCsvToNow=<BOOL>         Shift CSV histories to end now. Default: false.
          --Calendar:HistoryStep=<DURATION>        Grid step of the preview's history. Default: 5m.
          --Calendar:HistoryWindow=<DURATION>      How much history the preview reads. Default: 14d.
          --Calendar:Forecaster=<NAME>             Core forecaster (auto, persistence, seasonal-naive:1d, ...). Default: auto.
          --Calendar:DefaultLeadTime=<DURATION>    Lead time the preview assumes for leadTime auto. Default: 5m.
          --Calendar:DataProtectionKeysPath=<DIR>  Existing directory on a volume that outlives the pod for the key ring
                                                   that signs CSRF tokens, so open pages still save after a restart.
                                                   Default: none ($HOME/.aspnet, lost with the pod).
          -h, --help                               Show this help.

        Every key can also be set in appsettings.json or as an environment variable (Calendar__Namespaces__0=shop).
        The Kubernetes connection is the in-cluster service account, else $KUBECONFIG or ~/.kube/config.
        Durations are written 30s, 5m, 1h30m, 14d. Bad settings, and an option without a value (--urls alone), are
        reported all at once and the process exits 2.

        """;

    /// <summary>True when the arguments ask for help (<c>--help</c>, <c>-h</c>, <c>-?</c>).</summary>
    /// <param name="args">The process arguments.</param>
    public static bool WantsHelp(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h" or "-?" or "/?");

    /// <summary>
    /// Checks the <c>Calendar</c> section: unknown keys (with the closest known one), durations, forecaster, URL,
    /// directories, files and the shared secret's length. Returns one message per problem, each starting with the key
    /// (<c>Calendar:HistoryStep: ...</c>); empty when the configuration is usable.
    /// </summary>
    /// <param name="configuration">The host's configuration (appsettings.json, environment, command line).</param>
    public static IReadOnlyList<string> Check(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var section = configuration.GetSection("Calendar");
        foreach (var (path, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is null || path.Length == 0) continue; // a section node, not a setting
            var key = KeyOf(path);
            if (key is not null && !Known.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"Calendar:{path}: unknown setting (did you mean Calendar:{Closest(key)}? see --help)");
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                // An empty environment variable (Calendar__Auth__SharedSecret from an empty Secret) or "--Calendar:X="
                // was read as "not set": the default, or no proxy secret and every request refused.
                errors.Add($"Calendar:{path}: no value (set one, or remove the setting for its default; see --help)");
            }
        }

        Duration(section, "HistoryStep", allowZero: false, errors);
        Duration(section, "HistoryWindow", allowZero: false, errors);
        Duration(section, "DefaultLeadTime", allowZero: true, errors);
        if (Value(section, "Forecaster") is { } forecaster && !ForecasterCatalog.TryCreate(forecaster, out _, out var why))
        {
            errors.Add($"Calendar:Forecaster: {why}");
        }

        if (Value(section, "PrometheusUrl") is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Add($"Calendar:PrometheusUrl: '{url}' is not an http(s) URL (e.g. http://prometheus.monitoring:9090/)");
        }

        if (Value(section, "HistoryCsvDirectory") is { Length: > 0 } dir && !Directory.Exists(dir))
        {
            errors.Add($"Calendar:HistoryCsvDirectory: directory '{dir}' does not exist");
        }

        if (Value(section, "DataProtectionKeysPath") is { Length: > 0 } keys && !Directory.Exists(keys))
        {
            errors.Add($"Calendar:DataProtectionKeysPath: directory '{keys}' does not exist (mount a volume that outlives the pod there)");
        }

        if (Value(section, "RetimeCsvToNow") is { Length: > 0 } retime && !bool.TryParse(retime, out _))
        {
            errors.Add($"Calendar:RetimeCsvToNow: '{retime}' is not true or false");
        }

        if (Value(section, "Auth:SharedSecret") is { Length: > 0 and < 16 } secret)
        {
            errors.Add($"Calendar:Auth:SharedSecret: {secret.Length} characters; at least 16 are needed (a shorter secret would be ignored and every proxied request refused)");
        }

        if (Value(section, "Auth:ProxyClientCaFile") is { Length: > 0 } ca && !File.Exists(ca))
        {
            errors.Add($"Calendar:Auth:ProxyClientCaFile: file '{ca}' does not exist");
        }

        return errors;
    }

    /// <summary>
    /// Builds the Kubernetes client once before serving: without it the calendar started and answered every API call
    /// with an empty 500 (a missing kubeconfig, a key the process may not read). Returns the error line, or null.
    /// </summary>
    /// <param name="services">The built host's services.</param>
    public static string? CheckKubernetes(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetRequiredService<k8s.IKubernetes>();
            return null;
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException)
        {
            return $"Kubernetes connection: {e.Message} (the calendar uses the in-cluster service account, else $KUBECONFIG or ~/.kube/config)";
        }
    }

    // "Namespaces:0" -> "Namespaces"; "Auth:LocalGroups:1" -> "Auth:LocalGroups" (list indexes dropped).
    private static string? KeyOf(string path)
    {
        var parts = path.Split(':');
        var take = parts.Length;
        while (take > 0 && int.TryParse(parts[take - 1], out _)) take--;
        return take == 0 ? null : string.Join(':', parts[..take]);
    }

    private static void Duration(IConfigurationSection section, string key, bool allowZero, List<string> errors)
    {
        if (Value(section, key) is not { } text) return;
        if (!DurationParser.TryParse(text, out var value, out var error))
        {
            errors.Add($"Calendar:{key}: {error}");
        }
        else if (value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            errors.Add($"Calendar:{key}: '{text}' must be {(allowZero ? "zero or more" : "more than zero")}");
        }
    }

    // A setting's value, or null when it is absent or blank (a blank one is reported once, as "no value").
    private static string? Value(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key];

    private static string Closest(string key) =>
        Known.MinBy(k => NameSuggestion.EditDistance(k.ToUpperInvariant(), key.ToUpperInvariant()))!;
}
