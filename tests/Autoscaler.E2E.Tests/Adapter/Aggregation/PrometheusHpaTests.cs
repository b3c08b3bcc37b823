using System.Net;
using Autoscaler.E2E.Tests.Fixtures;
using k8s;
using k8s.Autorest;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// The real HPA controller scaling a Deployment from a Prometheus-backed external metric: a real Prometheus
/// scrapes the demo app's queue_length gauge, the adapter (Prometheus source only, externalRules) is registered
/// behind the real aggregator. A Prometheus outage must make the HPA hold its replicas, not scale down.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Adapter")]
public sealed class PrometheusHpaTests(ControlPlaneFixture cp, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("adapter-prom-hpa-").FullName;
    private string _ns = null!;
    private DemoQueueApp? _demo;
    private RealPrometheus? _prometheus;
    private AdapterDeployment? _adapter;

    public async Task InitializeAsync()
    {
        try
        {
            _ns = await cp.CreateNamespaceAsync("adapter-prom");
            _demo = await DemoQueueApp.StartAsync();
            _demo.QueueLength = 40;
            _prometheus = new RealPrometheus(Path.Combine(_work, "prometheus"), [("demo", _demo.Port, _ns)]);
            await _prometheus.StartAsync();
            var rules = Path.Combine(_work, "rules.yaml");
            await File.WriteAllTextAsync(rules, """
                externalRules:
                - seriesQuery: '{__name__="queue_length",namespace!=""}'
                  resources: {overrides: {namespace: {resource: "namespace"}}}
                  metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
                """);
            _adapter = await AdapterDeployment.StartAsync(cp,
                "--Push:Enabled=false", $"--Prometheus:Url={_prometheus.Url}", $"--Prometheus:RulesFile={rules}",
                "--Prometheus:DiscoveryInterval=00:00:01", "--Prometheus:AttemptTimeout=00:00:02", "--Prometheus:TotalTimeout=00:00:05",
                "--Prometheus:BreakDuration=00:00:02", "--Staleness:MaxAge=00:00:05");
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
    public async Task Hpa_scales_up_and_down_from_a_prometheus_metric_and_holds_during_an_outage()
    {
        await QueueWorker.ApplyAsync(cp.Environment.Kubeconfig, _ns);

        // 40 queued (scraped by Prometheus) / 10 per replica = 4 replicas.
        await WaitReplicasAsync(4);

        // Outage: the adapter answers with a Status error through the aggregator and the HPA holds at 4.
        _prometheus!.Stop();
        var error = await Eventually.Async("a metric error through the aggregator", async () =>
        {
            try
            {
                await cp.Admin.GetJsonAsync($"/apis/external.metrics.k8s.io/v1beta1/namespaces/{_ns}/queue_length?labelSelector=queue%3Dorders");
                return null;
            }
            catch (HttpOperationException e)
            {
                return e;
            }
        }, TimeSpan.FromSeconds(60));
        output.WriteLine($"during the outage: {(int)error.Response.StatusCode} {error.Message}");
        Assert.True(error.Response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout, $"status {error.Response.StatusCode}");
        await Eventually.Async("the HPA failing to get the metric", async () =>
            (await HpaEvents.ReadAsync(cp.Environment.Kubeconfig, _ns)).Contains("FailedGetExternalMetric", StringComparison.Ordinal) ? "yes" : null, TimeSpan.FromSeconds(60));
        // The HPA keeps syncing (every 5 s) and keeps failing to read the metric: the replica count must not
        // move meanwhile. Each failed sync is an external read the adapter answered 503, so wait for three
        // more of them (the condition that proves the HPA acted on the outage), checking replicas each time.
        var failedAtStart = await _adapter!.ExternalReadsAsync(503);
        await Eventually.Async("three more HPA syncs failing to read the metric", async seen =>
        {
            var held = await cp.Admin.AppsV1.ReadNamespacedDeploymentAsync("worker", _ns);
            Assert.Equal(4, held.Spec?.Replicas);
            var failed = await _adapter.ExternalReadsAsync(503) - failedAtStart;
            seen($"{failed} more 503 reads, replicas {held.Spec?.Replicas}");
            return failed >= 3 ? "held" : null;
        }, TimeSpan.FromSeconds(90));

        // Recovery with a short queue: 5 / 10 per replica = 1 replica.
        _demo!.QueueLength = 5;
        await _prometheus.StartAsync();
        await WaitReplicasAsync(1);

        // The HPA controller posts its SuccessfulRescale Event asynchronously after the scale: wait for it, never race it.
        var events = await HpaEvents.WaitForAsync(cp.Environment.Kubeconfig, _ns, "SuccessfulRescale +New size: 1;", "the HPA's scale-down Event");
        output.WriteLine(events);
        Assert.Matches("SuccessfulRescale +New size: 4; reason: external metric queue_length.* above target", events);
        Assert.Matches("FailedGetExternalMetric", events);
        Assert.Matches("SuccessfulRescale +New size: 1; reason: All metrics below target", events);
    }

    private Task WaitReplicasAsync(int replicas) => QueueWorker.WaitReplicasAsync(cp.Admin, _ns, replicas);
}
