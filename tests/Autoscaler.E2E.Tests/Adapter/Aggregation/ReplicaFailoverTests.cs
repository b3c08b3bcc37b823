using System.Net;
using Autoscaler.E2E.Tests.Fixtures;
using k8s;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// Two adapter replicas behind the aggregator while the real HPA reads (issue #15): one replica is killed with
/// SIGKILL. First the crash window: the dead replica is still in the Endpoints (its readiness probe has not failed
/// yet), the aggregator (<c>--enable-aggregator-routing</c>, one random endpoint per request) still sends reads to it,
/// and the HPA records failed reads (<c>FailedGetExternalMetric</c>) but never a value other than the pushed one nor
/// another replica count. Then it leaves the Endpoints (what the endpoints controller does once the probe fails; this
/// control plane has no kubelet, so the test does that step): the APIService is Available, the HPA reads only true
/// values again, its <c>ScalingActive</c> condition recovers, and it keeps scaling from the surviving replica.
/// Here the dead address refuses connections at once (its IP stays on the loopback); a dead node's address that
/// times out instead makes the failed reads slower, not different.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Adapter")]
public sealed class ReplicaFailoverTests(ControlPlaneFixture cp, ITestOutputHelper output) : IAsyncLifetime
{
    private const string SecondAddress = "10.123.0.2";
    private static readonly Dictionary<string, string> Orders = new() { ["queue"] = "orders" };
    // What the HPA may record from the pushed 40: its per-pod average over 1..8 replicas (milli, rounded up).
    private static readonly HashSet<string> Per40 = [.. Enumerable.Range(1, 8).Select(r => (40_000 + r - 1) / r).Select(m => m % 1000 == 0 ? $"{m / 1000}" : $"{m}m")];
    private AdapterDeployment _adapter = null!;
    private ExternalProcess? _second;

    public async Task InitializeAsync() => _adapter = await AdapterDeployment.StartAsync(cp);

    public async Task DisposeAsync()
    {
        _second?.Dispose();
        await _adapter.DisposeAsync();
    }

    [Fact]
    public async Task Killing_one_of_two_replicas_costs_failed_reads_until_it_leaves_the_endpoints_never_a_wrong_value()
    {
        var ns = await cp.CreateNamespaceAsync("adapter-failover");
        var secondPushPort = await StartSecondReplicaAsync();
        await SetEndpointsAsync(cp.Environment.ServiceAddress, SecondAddress);
        using var pushFirst = _adapter.PushClient();
        using var pushSecond = _adapter.PushClient(_adapter.PushToken, port: secondPushPort);
        await pushFirst.PushAsync(ns, "queue_length", Orders, 40);
        await pushSecond.PushAsync(ns, "queue_length", Orders, 40);
        await QueueWorker.ApplyAsync(_adapter.Admin, ns);
        await WaitReplicasAsync(ns, 4);

        var failuresBefore = await FailedReadEventsAsync(ns);
        _second!.Dispose(); // SIGKILL
        _second = null;

        // The crash window, dead replica still in the Endpoints: at least 20 s and until the HPA has recorded a failed
        // read through it (each read picks one of the two endpoints, so a failure comes within a few 5 s syncs).
        var window = new List<string>();
        var sawFailure = false;
        var crash = System.Diagnostics.Stopwatch.StartNew();
        while (crash.Elapsed < TimeSpan.FromSeconds(20) || !sawFailure)
        {
            Assert.True(crash.Elapsed < TimeSpan.FromSeconds(120), "waited for the HPA to record a failed read through the dead replica: " + string.Join("\n", window));
            var (desired, current, scalingActive) = await ObserveHpaAsync(ns);
            var failures = await FailedReadEventsAsync(ns) - failuresBefore;
            sawFailure |= failures > 0 || scalingActive.StartsWith("False FailedGetExternalMetric", StringComparison.Ordinal);
            var availability = (await cp.Admin.ApiregistrationV1.ReadAPIServiceAsync("v1beta1.external.metrics.k8s.io")).Status?.Conditions?.FirstOrDefault(c => c.Type == "Available");
            window.Add($"Available={availability?.Status} ({availability?.Reason}) desired={desired} current={current} ScalingActive={scalingActive} FailedGetExternalMetric events +{failures}");
            Assert.True(desired == 4 && (current == "(none)" || Per40.Contains(current)), "in the crash window the HPA recorded a value other than the pushed one: " + string.Join("\n", window));
            await Task.Delay(TimeSpan.FromSeconds(1)); // sampling interval of the observation loop, not a synchronisation
        }

        output.WriteLine("crash window (dead replica still in the Endpoints):\n" + string.Join("\n", window.Distinct()));
        await SetEndpointsAsync(cp.Environment.ServiceAddress);
        // The availability controller may have marked the APIService unavailable while half its endpoints refused
        // connections; it re-checks on the Endpoints change.
        await Eventually.Async("APIService v1beta1.external.metrics.k8s.io Available with only the surviving replica", async seen =>
        {
            var condition = (await cp.Admin.ApiregistrationV1.ReadAPIServiceAsync("v1beta1.external.metrics.k8s.io")).Status?.Conditions?.FirstOrDefault(c => c.Type == "Available");
            seen($"{condition?.Status} {condition?.Reason} {condition?.Message}");
            return condition?.Status == "True" ? "available" : null;
        }, TimeSpan.FromSeconds(60));

        // Six HPA syncs (5 s each) after the kill: every observation Available, and the HPA's value the pushed one.
        var observations = new List<string>();
        var watched = System.Diagnostics.Stopwatch.StartNew();
        var hpaReads = await _adapter.ExternalReadsAsync(200);
        while (watched.Elapsed < TimeSpan.FromSeconds(30) || await _adapter.ExternalReadsAsync(200) < hpaReads + 3)
        {
            Assert.True(watched.Elapsed < TimeSpan.FromSeconds(120), "waited for three HPA reads served by the surviving replica: " + string.Join("\n", observations));
            var apiService = await cp.Admin.ApiregistrationV1.ReadAPIServiceAsync("v1beta1.external.metrics.k8s.io");
            var available = apiService.Status?.Conditions?.FirstOrDefault(c => c.Type == "Available");
            var (desired, current, _) = await ObserveHpaAsync(ns);
            observations.Add($"Available={available?.Status} ({available?.Reason}) desired={desired} current={current}");
            Assert.True(available?.Status == "True", "APIService not Available after the kill: " + string.Join("\n", observations));
            Assert.True(desired == 4 && (current == "(none)" || Per40.Contains(current ?? string.Empty)), "the HPA recorded a value other than the pushed one: " + string.Join("\n", observations));
            await Task.Delay(TimeSpan.FromSeconds(1)); // sampling interval of the observation loop, not a synchronisation
        }

        output.WriteLine("after the Endpoints update:\n" + string.Join("\n", observations.Distinct()));
        await Eventually.Async("the HPA's ScalingActive condition True again", async seen =>
        {
            var (_, _, scalingActive) = await ObserveHpaAsync(ns);
            seen(scalingActive);
            return scalingActive.StartsWith("True", StringComparison.Ordinal) ? scalingActive : null;
        }, TimeSpan.FromSeconds(60));

        // The surviving replica keeps the HPA working: 80 queued / 10 = 8 replicas.
        await pushFirst.PushAsync(ns, "queue_length", Orders, 80);
        await WaitReplicasAsync(ns, 8);
    }

    private async Task<int> StartSecondReplicaAsync()
    {
        // A second address on the namespace's loopback, as a second pod would have.
        var (exit, _, stderr) = await ExternalProcess.RunAsync("ip", ["addr", "add", $"{SecondAddress}/32", "dev", "lo"], TimeSpan.FromSeconds(10));
        Assert.True(exit == 0 || stderr.Contains("File exists", StringComparison.Ordinal) || stderr.Contains("already assigned", StringComparison.Ordinal), "ip addr add: " + stderr);
        var work = _adapter.WorkDirectory;
        var pushPort = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        pushPort.Start();
        var port = ((IPEndPoint)pushPort.LocalEndpoint).Port;
        pushPort.Stop();
        _second = ExternalProcess.StartServer("dotnet",
        [
            RepositoryPaths.Of("src", "Autoscaler.MetricsAdapter", "bin", "Debug", "net10.0", "Autoscaler.MetricsAdapter.dll"),
            "--bind-address", SecondAddress, "--secure-port", "8443",
            "--tls-cert-file", Path.Combine(work, "tls.crt"), "--tls-private-key-file", Path.Combine(work, "tls.key"),
            "--kubeconfig", Path.Combine(work, "adapter.kubeconfig"),
            $"--Storage:DatabasePath={Path.Combine(work, "samples-2.db")}", $"--Grpc:Port={port}", "--Grpc:ListenAddress=127.0.0.1",
            "--Staleness:MaxAge=00:10:00",
        ], Path.Combine(work, "adapter-2.log"));
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { Timeout = TimeSpan.FromSeconds(3) };
        await Eventually.Async("the second replica's /readyz", async seen =>
        {
            try
            {
                using var r = await http.GetAsync($"https://{SecondAddress}:8443/readyz");
                seen($"{(int)r.StatusCode}");
                return r.StatusCode == HttpStatusCode.OK ? "ready" : null;
            }
            catch (HttpRequestException e)
            {
                seen(e.Message);
                return null;
            }
        }, TimeSpan.FromSeconds(60));
        return port;
    }

    /// <summary>The HPA's desired replicas, recorded external value (or "(none)") and ScalingActive condition ("status reason").</summary>
    private async Task<(int Desired, string Current, string ScalingActive)> ObserveHpaAsync(string ns)
    {
        var status = (await cp.Admin.GetJsonAsync($"/apis/autoscaling/v2beta2/namespaces/{ns}/horizontalpodautoscalers/worker")).GetProperty("status");
        var current = status.TryGetProperty("currentMetrics", out var metrics) && metrics.ValueKind == System.Text.Json.JsonValueKind.Array && metrics.GetArrayLength() > 0
            ? metrics[0].GetProperty("external").GetProperty("current").GetProperty("averageValue").GetString() ?? "(null)"
            : "(none)";
        var active = status.TryGetProperty("conditions", out var conditions)
            ? conditions.EnumerateArray().Where(c => c.GetProperty("type").GetString() == "ScalingActive")
                .Select(c => $"{c.GetProperty("status").GetString()} {c.GetProperty("reason").GetString()}").FirstOrDefault() ?? "(none)"
            : "(none)";
        return (status.GetProperty("desiredReplicas").GetInt32(), current, active);
    }

    /// <summary>How many failed metric reads the HPA has reported as Events (summing the aggregated counts).</summary>
    private async Task<int> FailedReadEventsAsync(string ns)
    {
        var events = await cp.Admin.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "involvedObject.name=worker,reason=FailedGetExternalMetric");
        return events.Items.Sum(e => e.Count ?? 1);
    }

    private Task SetEndpointsAsync(params string[] addresses) =>
        Kubectl.RunAsync(_adapter.Admin, $$"""
            apiVersion: v1
            kind: Endpoints
            metadata: {name: metrics-adapter, namespace: {{AdapterDeployment.Namespace}}}
            subsets:
              - addresses: [{{string.Join(", ", addresses.Select(a => $"{{ip: {a}}}"))}}]
                ports: [{name: https, port: 8443}]
            """, "apply", "-f", "-");

    private Task WaitReplicasAsync(string ns, int replicas) => QueueWorker.WaitReplicasAsync(cp.Admin, ns, replicas);
}
