using System.Net;
using System.Text.Json;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// More than one replica with pushed metrics (issue #15): two real adapter processes with
/// <c>RemoteWrite:Mode=Instead</c> write pushes into Debian's Prometheus (remote-write receiver on) and read them back
/// by PromQL through the Prometheus source, so a sample pushed to either replica is served by both. A push while
/// Prometheus is down is UNAVAILABLE (the client retries), never acknowledged.
/// </summary>
[Trait("Category", "Adapter")]
public sealed class RemoteWriteTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string MetricPath = "apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_length?labelSelector=queue%3Dorders";
    private static readonly Dictionary<string, string> Orders = new() { ["queue"] = "orders" };
    private readonly string _work = Directory.CreateTempSubdirectory("adapter-remote-write-").FullName;
    private RealPrometheus? _prometheus;
    private readonly List<(AdapterProcess Adapter, GrpcPushClient Push)> _replicas = [];

    public async Task InitializeAsync()
    {
        try
        {
            _prometheus = new RealPrometheus(Path.Combine(_work, "prometheus"), []);
            _prometheus.ExtraFlags.Add("--web.enable-remote-write-receiver");
            await _prometheus.StartAsync();
            var rules = Path.Combine(_work, "rules.yaml");
            await File.WriteAllTextAsync(rules, """
                externalRules:
                - seriesQuery: '{__name__="queue_length",namespace!=""}'
                  resources: {overrides: {namespace: {resource: "namespace"}}}
                  metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
                """);
            for (var i = 0; i < 2; i++)
            {
                var pushPort = RealPrometheus.FreePort();
                var work = Directory.CreateDirectory(Path.Combine(_work, $"replica-{i}")).FullName;
                var adapter = await AdapterProcess.StartAsync(work,
                [
                    $"--Grpc:Port={pushPort}", "--Grpc:ListenAddress=127.0.0.1",
                    $"--RemoteWrite:Url={new Uri(_prometheus.Url, "api/v1/write")}", "--RemoteWrite:Mode=Instead", "--RemoteWrite:Timeout=00:00:02",
                    $"--Prometheus:Url={_prometheus.Url}", $"--Prometheus:RulesFile={rules}", "--Prometheus:DiscoveryInterval=00:00:01",
                    "--Prometheus:AttemptTimeout=00:00:02", "--Prometheus:TotalTimeout=00:00:05",
                ], RealPrometheus.FreePort());
                _replicas.Add((adapter, new GrpcPushClient(pushPort)));
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task DisposeAsync()
    {
        foreach (var (adapter, push) in _replicas)
        {
            push.Dispose();
            adapter.Dispose();
        }

        _prometheus?.Dispose();
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_push_to_either_replica_is_served_by_both_and_an_outage_is_unavailable()
    {
        var (a, pushA) = _replicas[0];
        var (b, pushB) = _replicas[1];

        Assert.Equal(1u, await pushA.PushAsync("shop", "queue_length", Orders, 17));
        await ServedAsync(b, "17");
        await ServedAsync(a, "17");

        Assert.Equal(1u, await pushB.PushAsync("shop", "queue_length", Orders, 23));
        await ServedAsync(a, "23");

        _prometheus!.Stop();
        var (status, message, _) = await pushA.TryPushAsync("shop", "queue_length", Orders, 99);
        output.WriteLine($"push during the outage: grpc-status {status}: {message}");
        Assert.Equal("14", status);
        Assert.Contains("remote write to", message, StringComparison.Ordinal);
    }

    private async Task ServedAsync(AdapterProcess adapter, string value) =>
        await Fixtures.Eventually.Async($"adapter on port {adapter.Port} to serve shop/queue_length{{queue=orders}} = {value}", async seen =>
        {
            var (code, body) = await adapter.GetAsync(MetricPath);
            seen($"{(int)code}: {body}");
            if (code != HttpStatusCode.OK)
            {
                return null;
            }

            var served = JsonDocument.Parse(body).RootElement.GetProperty("items")[0].GetProperty("value").GetString();
            return served == value ? served : null;
        }, TimeSpan.FromSeconds(60));
}
