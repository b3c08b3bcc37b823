namespace Autoscaler.E2E.Tests.Fixtures.Containers;

/// <summary>
/// Command lines of the e2e control plane (the only place its servers' ports and flags are written), every
/// server bound to 127.0.0.1 on the network it shares with the tests. The HPA values are also handed to the tests
/// (<see cref="Hpa"/>), so the parity replay (issue #17) uses the flags the controller-manager runs with.
/// </summary>
internal static class ControlPlaneFlags
{
    /// <summary>etcd's client port.</summary>
    public const int EtcdPort = 2379;

    /// <summary>The main API server's port.</summary>
    public const int ApiPort = 6443;

    /// <summary>The port of the API server that admits one read at a time (real 429s).</summary>
    public const int ThrottledPort = 6444;

    /// <summary>kube-controller-manager's HPA values, printed into the environment as <c>AUTOSCALER_E2E_HPA_*</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Hpa = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AUTOSCALER_E2E_HPA_SYNC_PERIOD_SECONDS"] = "5",
        ["AUTOSCALER_E2E_HPA_TOLERANCE"] = "0.1",
        ["AUTOSCALER_E2E_HPA_DOWNSCALE_STABILIZATION_SECONDS"] = "60",
        ["AUTOSCALER_E2E_HPA_CPU_INITIALIZATION_PERIOD_SECONDS"] = "300",
        ["AUTOSCALER_E2E_HPA_INITIAL_READINESS_DELAY_SECONDS"] = "30",
    };

    /// <summary>etcd with its data in <paramref name="dataDir"/> (a tmpfs in the container).</summary>
    public static string[] Etcd(string dataDir) =>
    [
        "--name", "autoscaler-e2e", "--data-dir", dataDir,
        "--listen-client-urls", $"http://127.0.0.1:{EtcdPort}", "--advertise-client-urls", $"http://127.0.0.1:{EtcdPort}",
        "--listen-peer-urls", "http://127.0.0.1:2380", "--initial-advertise-peer-urls", "http://127.0.0.1:2380",
        "--initial-cluster", "autoscaler-e2e=http://127.0.0.1:2380",
    ];

    /// <summary>
    /// kube-apiserver on <paramref name="port"/>: RBAC, front-proxy and aggregator routing (the aggregator proxies to an
    /// APIService's Endpoints address, <paramref name="serviceAddress"/> for the adapter tests); ConfigMap watches
    /// straight to etcd and compaction every 10 s, so a watch from an old resourceVersion meets a real 410.
    /// </summary>
    public static string[] ApiServer(string pki, int port, string serviceAddress) =>
    [
        $"--etcd-servers=http://127.0.0.1:{EtcdPort}", $"--secure-port={port}", "--bind-address=127.0.0.1",
        $"--advertise-address={serviceAddress}", "--service-cluster-ip-range=10.96.0.0/12",
        "--service-account-issuer=https://kubernetes.default.svc", $"--service-account-key-file={pki}/sa.pub",
        $"--service-account-signing-key-file={pki}/sa.key", $"--client-ca-file={pki}/ca.crt",
        $"--tls-cert-file={pki}/apiserver.crt", $"--tls-private-key-file={pki}/apiserver.key",
        $"--requestheader-client-ca-file={pki}/front-proxy-ca.crt", "--requestheader-allowed-names=front-proxy-client",
        "--requestheader-username-headers=X-Remote-User", "--requestheader-group-headers=X-Remote-Group",
        "--requestheader-extra-headers-prefix=X-Remote-Extra-", $"--proxy-client-cert-file={pki}/front-proxy-client.crt",
        $"--proxy-client-key-file={pki}/front-proxy-client.key", "--enable-aggregator-routing=true",
        "--authorization-mode=Node,RBAC", "--profiling=false",
        "--watch-cache-sizes=configmaps#0", "--etcd-compaction-interval=10s",
    ];

    /// <summary>The second API server: one read and one write at a time, priority-and-fairness off, so excess reads get 429 + Retry-After.</summary>
    public static string[] ThrottledApiServer(string pki, string serviceAddress) =>
    [
        .. ApiServer(pki, ThrottledPort, serviceAddress),
        "--max-requests-inflight=1", "--max-mutating-requests-inflight=1", "--enable-priority-and-fairness=false",
        "--endpoint-reconciler-type=none",
    ];

    /// <summary>kube-controller-manager: workload, HPA, namespace and service-account controllers; no leader election.</summary>
    public static string[] ControllerManager(string state)
    {
        var pki = Path.Combine(state, "pki");
        string Hpa(string name) => ControlPlaneFlags.Hpa[$"AUTOSCALER_E2E_HPA_{name}"];
        return
        [
            $"--kubeconfig={state}/controller-manager.kubeconfig", "--leader-elect=false",
            "--controllers=deployment,replicaset,horizontalpodautoscaling,garbagecollector,namespace,serviceaccount,serviceaccount-token",
            $"--root-ca-file={pki}/ca.crt", $"--service-account-private-key-file={pki}/sa.key",
            "--use-service-account-credentials=true", $"--cert-dir={state}/controller-manager-certs",
            $"--horizontal-pod-autoscaler-sync-period={Hpa("SYNC_PERIOD_SECONDS")}s",
            $"--horizontal-pod-autoscaler-tolerance={Hpa("TOLERANCE")}",
            $"--horizontal-pod-autoscaler-downscale-stabilization={Hpa("DOWNSCALE_STABILIZATION_SECONDS")}s",
            $"--horizontal-pod-autoscaler-cpu-initialization-period={Hpa("CPU_INITIALIZATION_PERIOD_SECONDS")}s",
            $"--horizontal-pod-autoscaler-initial-readiness-delay={Hpa("INITIAL_READINESS_DELAY_SECONDS")}s",
            "--bind-address=127.0.0.1", "--secure-port=10257", "--port=0",
        ];
    }
}
