using System.CommandLine;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Controller.Hosting;

/// <summary>The command line of <c>autoscaler-controller</c> (System.CommandLine): every flag maps to <see cref="ControllerOptions"/>.</summary>
public static class ControllerCommand
{
    /// <summary>Builds the root command; its action runs the controller until SIGTERM.</summary>
    public static RootCommand Create()
    {
        var defaults = new ControllerOptions();
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Kubeconfig file. Default: the in-cluster service account, else $KUBECONFIG or ~/.kube/config." };
        var ns = new Option<string?>("--namespace") { Description = "Watch and act in this namespace only. Default: all namespaces (needs the ClusterRole)." };
        var sync = Duration("--sync-period", defaults.SyncPeriod, "Period of the reconcile timer; every policy and event is re-planned this often and on every change.");
        var leaseName = new Option<string>("--lease-name") { Description = "Lease used for leader election.", DefaultValueFactory = _ => defaults.LeaseName };
        var leaseNs = new Option<string>("--lease-namespace") { Description = "Namespace of the Lease (usually the controller's own; $POD_NAMESPACE when set).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? defaults.LeaseNamespace };
        var identity = new Option<string>("--identity") { Description = "This replica's name in the Lease. Default: $POD_NAME, else the host name.", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("POD_NAME") ?? defaults.Identity };
        var leaseDuration = Duration("--lease-duration", defaults.LeaseDuration, "How long a dead leader blocks the other replica.");
        var renewDeadline = Duration("--renew-deadline", defaults.RenewDeadline, "The leader stops acting when it could not renew for this long (< lease duration).");
        var retry = Duration("--retry-period", defaults.RetryPeriod, "Interval between attempts to acquire or renew the Lease.");
        var noElection = new Option<bool>("--no-leader-election") { Description = "Act without a Lease (one replica only; tests)." };
        var force = new Option<bool>("--force-conflicts") { Description = "Take spec.minReplicas even from server-side-apply owners such as GitOps tools. Without it such a conflict is reported (condition + Event) and not forced; imperative owners (kubectl create/edit, Helm) are always taken over." };
        var hpaSync = Duration("--hpa-sync-period", defaults.HpaSyncPeriod, "The cluster's HPA sync period; part of lead time 'auto'.");
        var metricDelay = Duration("--metric-delay", defaults.MetricDelay, "Delay of the metrics pipeline; part of lead time 'auto'.");
        var podStartup = Duration("--default-pod-startup", defaults.DefaultPodStartup, "Pod start-up assumed for lead time 'auto' until 3 pods of the target were seen Ready.");
        var keep = new Option<int>("--decisions-kept") { Description = "Decision records kept in each status (1-20).", DefaultValueFactory = _ => defaults.DecisionsKept };
        var port = new Option<int>("--http-port") { Description = "Port for /metrics, /healthz, /readyz and POST /approve/namespaces/{ns}/{scalingevents|predictivepolicies}/{name}.", DefaultValueFactory = _ => defaults.HttpPort };
        var prometheus = new Option<Uri?>("--prometheus-url") { Description = "Prometheus base URL for PredictivePolicies whose spec.history.prometheus.url is empty (http://prometheus.monitoring:9090/)." };
        var adapterUrl = new Option<Uri?>("--adapter-url") { Description = "The metrics adapter's HTTPS base URL for PredictivePolicies with spec.history.adapterMetric (https://metrics-adapter.autoscaler.svc/); history is read from its /history/namespaces/{policy namespace}/api/v1/query_range with the token of --adapter-token-file, which needs 'get pushedmetrics' (metrics.autoscaler.dev) in that namespace." };
        var adapterCa = new Option<string?>("--adapter-ca-file") { Description = "PEM CA bundle that signed the adapter's serving certificate. Default: the system roots." };
        var adapterToken = new Option<string?>("--adapter-token-file") { Description = $"Bearer token sent to the adapter, re-read every minute. Default: {ControllerOptions.InClusterTokenFile} when it exists.", DefaultValueFactory = _ => defaults.AdapterTokenFile };
        var root = new RootCommand(
            """
            autoscaler-controller: raises HPA replica floors before ScalingEvents and forecast peaks.

            Watches ScalingEvents and PredictivePolicies (autoscaling.autoscaler.dev/v1alpha1), HPAs (autoscaling/v2, or
            v2beta2 on clusters before 1.23) and pods; every --sync-period the leader plans each HPA's floor with the Core
            pre-scale planner and applies it as spec.minReplicas (server-side apply, field manager autoscaler-prescale),
            keeping the owner's value in an annotation and restoring it when the floor ends. Run two replicas: one leads
            (Lease), the other waits with warm caches. Install: kubectl apply -f manifests/crds -f manifests/controller.
            Example (outside a cluster): autoscaler-controller --kubeconfig ~/.kube/config --namespace shop --no-leader-election
            Docs: docs/controller.md.
            """)
        {
            kubeconfig, ns, sync, leaseName, leaseNs, identity, leaseDuration, renewDeadline, retry, noElection, force, hpaSync, metricDelay, podStartup, keep, port, prometheus, adapterUrl, adapterCa, adapterToken,
        };
        root.SetAction(async (result, cancellationToken) =>
        {
            var options = new ControllerOptions
            {
                Kubeconfig = result.GetValue(kubeconfig),
                Namespace = result.GetValue(ns),
                SyncPeriod = result.GetValue(sync),
                LeaseName = result.GetValue(leaseName)!,
                LeaseNamespace = result.GetValue(leaseNs)!,
                Identity = result.GetValue(identity)!,
                LeaseDuration = result.GetValue(leaseDuration),
                RenewDeadline = result.GetValue(renewDeadline),
                RetryPeriod = result.GetValue(retry),
                DisableLeaderElection = result.GetValue(noElection),
                ForceConflicts = result.GetValue(force),
                HpaSyncPeriod = result.GetValue(hpaSync),
                MetricDelay = result.GetValue(metricDelay),
                DefaultPodStartup = result.GetValue(podStartup),
                DecisionsKept = result.GetValue(keep),
                HttpPort = result.GetValue(port),
                PrometheusUrl = result.GetValue(prometheus),
                AdapterUrl = result.GetValue(adapterUrl),
                AdapterCaFile = result.GetValue(adapterCa),
                AdapterTokenFile = result.GetValue(adapterToken),
            };
            var errors = ControllerOptionsValidator.Validate(options);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await Console.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
                }

                return 2;
            }

            await using var app = await ControllerHost.BuildAsync(options, cancellationToken).ConfigureAwait(false);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return root;
    }

    private static Option<TimeSpan> Duration(string name, TimeSpan fallback, string description) => new(name)
    {
        Description = $"{description} A duration such as 30s, 5m, 1h. Default: {DurationParser.Format(fallback)}.",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DurationParser.TryParse(text, out var value, out var error))
            {
                return value;
            }

            result.AddError($"{name}: {error}");
            return fallback;
        },
    };
}
