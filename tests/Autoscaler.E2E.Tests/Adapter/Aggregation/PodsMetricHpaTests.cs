using System.Text.Json;
using Autoscaler.E2E.Tests.Fixtures;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// Issue #14: <c>type: Pods</c> metrics by label selector on the real control plane. The adapter runs with its
/// service account (manifests/adapter RBAC, so list/watch of pods is exercised) and keeps an informer cache of
/// pods; the HPA asks <c>pods/*/http_requests_per_second?labelSelector=app%3Dweb</c>, the adapter turns the
/// selected pods' names into <c>pod=~"..."</c> against a real Prometheus scraping a real target, and the real HPA
/// controller scales the Deployment; the same with samples pushed over gRPC labelled by pod. Pods get no kubelet here: <see cref="PodPhaseSetter"/> moves them to Running.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Adapter")]
public sealed class PodsMetricHpaTests(ControlPlaneFixture cp, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Metric = "http_requests_per_second";
    private readonly string _work = Directory.CreateTempSubdirectory("adapter-pods-hpa-").FullName;
    private string _ns = null!;
    private DemoPodsApp? _demo;
    private RealPrometheus? _prometheus;
    private AdapterDeployment? _adapter;
    private PodPhaseSetter? _kubelet;

    public async Task InitializeAsync()
    {
        try
        {
            _ns = await cp.CreateNamespaceAsync("adapter-pods");
            _demo = await DemoPodsApp.StartAsync();
            _prometheus = new RealPrometheus(Path.Combine(_work, "prometheus"), [("web", _demo.Port, _ns)]);
            await _prometheus.StartAsync();
            var rules = Path.Combine(_work, "rules.yaml");
            await File.WriteAllTextAsync(rules, """
                rules:
                - seriesQuery: '{__name__="http_requests_per_second",namespace!="",pod!=""}'
                  resources: {overrides: {namespace: {resource: "namespace"}, pod: {resource: "pod"}}}
                  metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
                """);
            _adapter = await AdapterDeployment.StartAsync(cp,
                $"--Prometheus:Url={_prometheus.Url}", $"--Prometheus:RulesFile={rules}", "--Prometheus:DiscoveryInterval=00:00:01",
                "--Staleness:MaxAge=00:00:10");
            _kubelet = new PodPhaseSetter(cp.Admin, _ns, "app", pods => _demo.Serving = pods
                .Where(p => p.Metadata.Labels is { } labels && labels.TryGetValue("app", out var app) && app == "web" && !labels.ContainsKey("no-sample"))
                .Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal));
        }
        catch
        {
            // xunit does not call DisposeAsync when setup fails: stop what was started.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_kubelet is not null)
        {
            await _kubelet.DisposeAsync();
        }

        if (_adapter is not null)
        {
            await _adapter.DisposeAsync();
        }

        _prometheus?.Dispose();
        if (_demo is not null)
        {
            await _demo.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Hpa_with_a_pods_metric_from_prometheus_scales_a_deployment_up_and_down()
    {
        _demo!.Total = 40;
        _demo.SetFixed("other-1", 1000);
        await ScaleUpAndDownAsync(Metric, $"pods metric {Metric} above target");
    }

    [Fact]
    public async Task Hpa_with_a_pods_metric_from_pushed_samples_labelled_by_pod_scales_a_deployment_up_and_down()
    {
        const string pushed = "pushed_requests_per_second";
        _demo!.Total = 40;
        using var push = _adapter!.PushClient();
        using var stop = new CancellationTokenSource();
        // The application's side: every second, each running pod of the app pushes its share of the load, and
        // another app's pod pushes its own value; web-nosample never pushes.
        var pusher = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (!stop.IsCancellationRequested)
            {
                var serving = _demo.Serving;
                foreach (var pod in serving)
                {
                    await push.PushAsync(_ns, pushed, new Dictionary<string, string> { ["pod"] = pod }, _demo.Total / serving.Count);
                }

                await push.PushAsync(_ns, pushed, new Dictionary<string, string> { ["pod"] = "other-1" }, 1000);
                try
                {
                    await timer.WaitForNextTickAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        try
        {
            await ScaleUpAndDownAsync(pushed, $"pods metric {pushed} above target");
        }
        finally
        {
            await stop.CancelAsync();
            await pusher;
        }
    }

    /// <summary>
    /// The Deployment (1 replica) beside another app's pod with a value (the selector must leave it out) and a pod of
    /// the app without any value (left out, never a zero); then an HPA on <paramref name="metric"/> at 10 per pod
    /// while the load is 40, then 5: 1 → 4 → 1 replicas.
    /// </summary>
    private async Task ScaleUpAndDownAsync(string metric, string scaleUpReason)
    {
        await Kubectl.RunAsync(cp.Environment.Kubeconfig, $$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: {{{_ns}}}}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: registry.invalid/web:1}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: other-1, namespace: {{{_ns}}}, labels: {app: other}}
            spec:
              containers: [{name: other, image: registry.invalid/other:1}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web-nosample, namespace: {{{_ns}}}, labels: {app: web, no-sample: "true"}}
            spec:
              containers: [{name: web, image: registry.invalid/web:1}]
            """, "apply", "-f", "-");

        // Both versions the HPA client may use, through the aggregator: exactly the Deployment's one pod, 40/s.
        var first = await Eventually.Async("the Deployment's pod with its value through the aggregator", async seen =>
        {
            var items = await ItemsAsync("v1beta2", metric, "app%3Dweb");
            seen(Describe(items));
            return items is [{ Name: not "web-nosample", Value: "40" }] ? items : null;
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(first, await ItemsAsync("v1beta1", metric, "app%3Dweb"));
        Assert.StartsWith("web-", first[0].Name, StringComparison.Ordinal);
        // A set-based selector picks the other app's pod only.
        Assert.Equal([("other-1", "1k")], await ItemsAsync("v1beta2", metric, "app%20in%20(other)"));
        output.WriteLine($"{metric} before the HPA: {Describe(first)}");

        await Kubectl.RunAsync(cp.Environment.Kubeconfig, string.Empty, "-n", _ns, "delete", "pod", "web-nosample", "--wait=true");
        await Kubectl.RunAsync(cp.Environment.Kubeconfig, $$$"""
            apiVersion: autoscaling/v2beta2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, namespace: {{{_ns}}}}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 1
              maxReplicas: 8
              metrics:
                - type: Pods
                  pods:
                    metric: {name: {{{metric}}}}
                    target: {type: AverageValue, averageValue: "10"}
              behavior:
                scaleDown: {stabilizationWindowSeconds: 0}
            """, "apply", "-f", "-");

        // 40 requests/s over the pods at 10 per pod: 4 replicas, then each of the 4 pods serves 10 and it holds.
        await WaitReplicasAsync(4);
        var four = await Eventually.Async("four pods with 10/s each through the aggregator", async seen =>
        {
            var items = await ItemsAsync("v1beta2", metric, "app%3Dweb");
            seen(Describe(items));
            return items.Count == 4 && items.All(i => i.Value == "10") ? items : null;
        }, TimeSpan.FromSeconds(60));
        output.WriteLine($"{metric} at 4 replicas: {Describe(four)}");

        // The load drops to 5 requests/s: 1.25 per pod, 1 replica.
        _demo!.Total = 5;
        await WaitReplicasAsync(1);

        // The HPA posts its SuccessfulRescale Event asynchronously after the scale: wait for it, never race it.
        var events = await HpaEvents.WaitForAsync(cp.Environment.Kubeconfig, _ns, "SuccessfulRescale +New size: 1;", "the HPA's scale-down Event");
        output.WriteLine(events);
        Assert.Matches($"SuccessfulRescale +New size: 4; reason: {scaleUpReason}", events);
        Assert.Matches("SuccessfulRescale +New size: 1; reason: All metrics below target", events);
        Assert.Null(_kubelet!.LastError);
    }

    private async Task<List<(string Name, string Value)>> ItemsAsync(string version, string metric, string selector)
    {
        try
        {
            var list = await cp.Admin.GetJsonAsync($"/apis/custom.metrics.k8s.io/{version}/namespaces/{_ns}/pods/*/{metric}?labelSelector={selector}");
            return list.GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("describedObject").GetProperty("name").GetString()!, i.GetProperty("value").GetString()!))
                .OrderBy(i => i.Item1, StringComparer.Ordinal).ToList();
        }
        catch (HttpOperationException e)
        {
            return [($"HTTP {(int)e.Response.StatusCode}", e.Response.Content)];
        }
    }

    private static string Describe(IEnumerable<(string Name, string Value)> items) => string.Join(", ", items.Select(i => $"{i.Name}={i.Value}"));

    private async Task WaitReplicasAsync(int replicas) =>
        await Eventually.Async($"web scaled to {replicas}", async seen =>
        {
            var d = await cp.Admin.AppsV1.ReadNamespacedDeploymentAsync("web", _ns);
            seen($"spec.replicas {d.Spec?.Replicas}, setter error {_kubelet?.LastError ?? "none"}, HPA events: {await HpaEventsAsync()}");
            return d.Spec?.Replicas == replicas ? "yes" : null;
        }, TimeSpan.FromSeconds(120));

    private async Task<string> HpaEventsAsync()
    {
        var events = await cp.Admin.CoreV1.ListNamespacedEventAsync(_ns, fieldSelector: "involvedObject.kind=HorizontalPodAutoscaler");
        return string.Join(" | ", events.Items.OrderBy(e => e.LastTimestamp).TakeLast(3).Select(e => $"{e.Reason}: {e.Message}"));
    }
}
