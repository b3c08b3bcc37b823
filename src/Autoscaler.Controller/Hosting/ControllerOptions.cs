namespace Autoscaler.Controller.Hosting;

/// <summary>The controller's settings (command-line flags; see <c>autoscaler-controller --help</c>).</summary>
public sealed record ControllerOptions
{
    /// <summary>Kubeconfig path; null uses the in-cluster service account (or $KUBECONFIG / ~/.kube/config outside a pod).</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Watch one namespace only; null watches all.</summary>
    public string? Namespace { get; init; }

    /// <summary>Period of the one reconcile timer (default 30 s).</summary>
    public TimeSpan SyncPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Name of the Lease used for leader election.</summary>
    public string LeaseName { get; init; } = "autoscaler-controller";

    /// <summary>Namespace of the Lease.</summary>
    public string LeaseNamespace { get; init; } = "autoscaler-system";

    /// <summary>This replica's identity in the Lease (default: host name).</summary>
    public string Identity { get; init; } = Environment.MachineName;

    /// <summary>Lease duration: how long a dead leader blocks the others (default 15 s).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it stops acting (default 10 s, less than the lease).</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval between acquire/renew attempts (default 2 s).</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Take spec.minReplicas even from server-side-apply managers (GitOps tools) on conflict (default false).</summary>
    public bool ForceConflicts { get; init; }

    /// <summary>HPA controller sync period, a part of lead time auto (default 15 s, the kube-controller-manager default).</summary>
    public TimeSpan HpaSyncPeriod { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Metric pipeline delay, a part of lead time auto; a policy's history is read only up to it before now (default 30 s).</summary>
    public TimeSpan MetricDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pod start-up time assumed when fewer than 3 recent pods were seen Ready (default 60 s).</summary>
    public TimeSpan DefaultPodStartup { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Decision records kept in each status (default 10, at most 20).</summary>
    public int DecisionsKept { get; init; } = 10;

    /// <summary>
    /// IP address the HTTP listener binds (default 0.0.0.0, all interfaces: kubelet probes and Prometheus reach a pod
    /// on its pod IP, as with kube-controller-manager's --bind-address; 127.0.0.1 keeps it local).
    /// </summary>
    public string HttpAddress { get; init; } = "0.0.0.0";

    /// <summary>HTTP port for /metrics, /healthz, /readyz and the approval endpoint (default 8080).</summary>
    public int HttpPort { get; init; } = 8080;

    /// <summary>Prometheus base URL for policies whose spec.history.prometheus has no url; null: none.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>
    /// The metrics adapter's secure base URL (https://metrics-adapter.autoscaler.svc/) for policies with
    /// spec.history.adapterMetric: history is read from its <c>/history/namespaces/{ns}/api/v1/query_range</c>; null: none.
    /// </summary>
    public Uri? AdapterUrl { get; init; }

    /// <summary>PEM file of the CA that signed the adapter's serving certificate; null trusts the system roots.</summary>
    public string? AdapterCaFile { get; init; }

    /// <summary>
    /// File whose content is sent to the adapter as a bearer token, re-read every minute (projected tokens rotate);
    /// default the pod's service-account token when it exists; null sends none.
    /// </summary>
    public string? AdapterTokenFile { get; init; } = File.Exists(InClusterTokenFile) ? InClusterTokenFile : null;

    /// <summary>Where Kubernetes mounts a pod's service-account token.</summary>
    public const string InClusterTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>Leader election off: this replica always acts (single-replica or tests).</summary>
    public bool DisableLeaderElection { get; init; }
}
