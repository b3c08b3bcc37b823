using System.CommandLine;

namespace Autoscaler.Controller.Hosting;

/// <summary>
/// The controller's flags as System.CommandLine options. No option has a library default (which help would print a
/// second time, in .NET's format): each description states its default once, and <see cref="ToOptions"/> keeps
/// <see cref="ControllerOptions"/>' default for a flag that was not given or did not parse.
/// </summary>
internal sealed class ControllerFlags
{
    private static readonly ControllerOptions Defaults = new();

    private readonly Option<string> _kubeconfig = Text("--kubeconfig", "FILE", "Kubeconfig file. Default: the in-cluster service account, else $KUBECONFIG or ~/.kube/config.");
    private readonly Option<string> _namespace = Text("--namespace", "NAMESPACE", "Watch and act in this namespace only. Default: all namespaces (needs the ClusterRole).");
    private readonly Option<TimeSpan> _sync = ControllerCommand.Duration("--sync-period", Defaults.SyncPeriod, "Period of the reconcile timer; every policy and event is re-planned this often and on every change.");
    private readonly Option<string> _leaseName = Text("--lease-name", "NAME", $"Lease used for leader election. Default: {Defaults.LeaseName}.");
    private readonly Option<string> _leaseNamespace = Text("--lease-namespace", "NAMESPACE", $"Namespace of the Lease (usually the controller's own). Default: $POD_NAMESPACE, else {Defaults.LeaseNamespace}.");
    private readonly Option<string> _identity = Text("--identity", "NAME", "This replica's name in the Lease. Default: $POD_NAME, else the host name.");
    private readonly Option<TimeSpan> _leaseDuration = ControllerCommand.Duration("--lease-duration", Defaults.LeaseDuration, "How long a dead leader blocks the other replica.");
    private readonly Option<TimeSpan> _renewDeadline = ControllerCommand.Duration("--renew-deadline", Defaults.RenewDeadline, "The leader stops acting when it could not renew for this long (< lease duration).");
    private readonly Option<TimeSpan> _retry = ControllerCommand.Duration("--retry-period", Defaults.RetryPeriod, "Interval between attempts to acquire or renew the Lease.");
    private readonly Option<bool> _noElection = new("--no-leader-election") { Description = "Act without a Lease (one replica only; tests). Default: off." };
    private readonly Option<bool> _force = new("--force-conflicts") { Description = "Take spec.minReplicas even from server-side-apply owners such as GitOps tools. Without it such a conflict is reported (condition + Event) and not forced; imperative owners (kubectl create/edit, Helm) are always taken over. Default: off." };
    private readonly Option<TimeSpan> _hpaSync = ControllerCommand.Duration("--hpa-sync-period", Defaults.HpaSyncPeriod, "The cluster's HPA sync period; part of lead time 'auto'.");
    private readonly Option<TimeSpan> _metricDelay = ControllerCommand.Duration("--metric-delay", Defaults.MetricDelay, "Delay of the metrics pipeline; part of lead time 'auto', and history newer than it is not read.");
    private readonly Option<TimeSpan> _podStartup = ControllerCommand.Duration("--default-pod-startup", Defaults.DefaultPodStartup, "Pod start-up assumed for lead time 'auto' until 3 pods of the target were seen Ready.");
    private readonly Option<int> _keep = ControllerCommand.Whole("--decisions-kept", "N", $"Decision records kept in each status (1-20). Default: {Defaults.DecisionsKept}.");
    private readonly Option<string> _address = Text("--http-address", "IP", $"IP address the HTTP port listens on. Default: {Defaults.HttpAddress} (all interfaces, as kubelet probes and Prometheus scrapes of a pod need); 127.0.0.1 keeps it local.");
    private readonly Option<int> _port = ControllerCommand.Whole("--http-port", "PORT", $"Port for /metrics, /healthz, /readyz and POST /approve/namespaces/{{ns}}/{{scalingevents|predictivepolicies}}/{{name}} (1-65535). Default: {Defaults.HttpPort}.");
    private readonly Option<string> _prometheus = Text("--prometheus-url", "URL", "Prometheus base URL for PredictivePolicies whose spec.history.prometheus.url is empty (http://prometheus.monitoring:9090/). Default: none.");
    private readonly Option<string> _adapterUrl = Text("--adapter-url", "URL", "The metrics adapter's HTTPS base URL for PredictivePolicies with spec.history.adapterMetric (https://metrics-adapter.autoscaler.svc/); history is read from its /history/namespaces/{policy namespace}/api/v1/query_range with the token of --adapter-token-file, which needs 'get pushedmetrics' (metrics.autoscaler.dev) in that namespace. Default: none.");
    private readonly Option<string> _adapterCa = Text("--adapter-ca-file", "FILE", "PEM CA bundle that signed the adapter's serving certificate. Default: the system roots.");
    private readonly Option<string> _adapterToken = Text("--adapter-token-file", "FILE", $"Bearer token sent to the adapter, re-read every minute. Default: {ControllerOptions.InClusterTokenFile} when it exists.");

    /// <summary>Every flag, in help order.</summary>
    public IReadOnlyList<Option> All =>
    [
        _kubeconfig, _namespace, _sync, _leaseName, _leaseNamespace, _identity, _leaseDuration, _renewDeadline, _retry, _noElection, _force,
        _hpaSync, _metricDelay, _podStartup, _keep, _address, _port, _prometheus, _adapterUrl, _adapterCa, _adapterToken,
    ];

    /// <summary>The options <paramref name="result"/> asks for; flags not given (or not parsed) keep the defaults.</summary>
    public ControllerOptions ToOptions(ParseResult result)
    {
        var d = Defaults;
        return new ControllerOptions
        {
            Kubeconfig = Optional(result, _kubeconfig, d.Kubeconfig),
            Namespace = Optional(result, _namespace, d.Namespace),
            SyncPeriod = Get(result, _sync, d.SyncPeriod),
            LeaseName = Get(result, _leaseName, d.LeaseName),
            LeaseNamespace = Get(result, _leaseNamespace, Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? d.LeaseNamespace),
            Identity = Get(result, _identity, Environment.GetEnvironmentVariable("POD_NAME") ?? d.Identity),
            LeaseDuration = Get(result, _leaseDuration, d.LeaseDuration),
            RenewDeadline = Get(result, _renewDeadline, d.RenewDeadline),
            RetryPeriod = Get(result, _retry, d.RetryPeriod),
            DisableLeaderElection = Get(result, _noElection, false),
            ForceConflicts = Get(result, _force, false),
            HpaSyncPeriod = Get(result, _hpaSync, d.HpaSyncPeriod),
            MetricDelay = Get(result, _metricDelay, d.MetricDelay),
            DefaultPodStartup = Get(result, _podStartup, d.DefaultPodStartup),
            DecisionsKept = Get(result, _keep, d.DecisionsKept),
            HttpAddress = Get(result, _address, d.HttpAddress),
            HttpPort = Get(result, _port, d.HttpPort),
            PrometheusUrl = Url(Optional(result, _prometheus, null)),
            AdapterUrl = Url(Optional(result, _adapterUrl, null)),
            AdapterCaFile = Optional(result, _adapterCa, d.AdapterCaFile),
            AdapterTokenFile = Optional(result, _adapterToken, d.AdapterTokenFile),
        };
    }

    private static T Get<T>(ParseResult result, Option<T> option, T fallback) =>
        result.GetResult(option) is { } given && !given.Errors.Any() ? result.GetValue(option)! : fallback;

    private static string? Optional(ParseResult result, Option<string> option, string? fallback) =>
        result.GetResult(option) is { } given && !given.Errors.Any() ? result.GetValue(option) : fallback;

    // Checked by ControllerOptionsValidator (absolute, https for the adapter); a relative text stays relative.
    private static Uri? Url(string? text) => text is null ? null : new Uri(text, UriKind.RelativeOrAbsolute);

    private static Option<string> Text(string name, string hint, string description) => new(name) { Description = description, HelpName = hint };
}
