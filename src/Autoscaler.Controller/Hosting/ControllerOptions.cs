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

    /// <summary>Metric pipeline delay, a part of lead time auto (default 30 s).</summary>
    public TimeSpan MetricDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Pod start-up time assumed when fewer than 3 recent pods were seen Ready (default 60 s).</summary>
    public TimeSpan DefaultPodStartup { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Decision records kept in each status (default 10, at most 20).</summary>
    public int DecisionsKept { get; init; } = 10;

    /// <summary>HTTP port for /metrics, /healthz, /readyz and the approval endpoint (default 8080).</summary>
    public int HttpPort { get; init; } = 8080;

    /// <summary>Prometheus base URL for policies whose spec.history.prometheus has no url; null: none.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>Leader election off: this replica always acts (single-replica or tests).</summary>
    public bool DisableLeaderElection { get; init; }
}
