using System.Net;
using System.Text.Json;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// The adapter program with only the Prometheus source, a real Prometheus scraping a demo app and the
/// adapter's own /metrics: values over HTTPS, promtool-valid /metrics, readiness and 503 Status during a
/// Prometheus outage (never a zero), recovery afterwards.
/// </summary>
[Trait("Category", "Adapter")]
public sealed class AdapterWithPrometheusTests : IAsyncLifetime
{
    private const string MetricPath = "apis/external.metrics.k8s.io/v1beta1/namespaces/shop/queue_length?labelSelector=queue%3Dorders";
    private readonly string _work = Path.Combine(Path.GetTempPath(), "adapter-host-e2e-" + Guid.NewGuid().ToString("N"));
    private DemoQueueApp? _demo;
    private RealPrometheus? _prometheus;
    private AdapterProcess? _adapter;

    public async Task InitializeAsync()
    {
        try
        {
            Directory.CreateDirectory(_work);
            _demo = await DemoQueueApp.StartAsync();
            _demo!.QueueLength = 42;
            var adapterPort = RealPrometheus.FreePort();
            _prometheus = new RealPrometheus(Path.Combine(_work, "prometheus"), [("demo", _demo!.Port, "shop")], $"""
                  - job_name: adapter
                    scheme: https
                    tls_config: {"{"}insecure_skip_verify: true{"}"}
                    static_configs:
                      - targets: ['127.0.0.1:{adapterPort}']

                """);
            await _prometheus!.StartAsync();
            var rules = Path.Combine(_work, "rules.yaml");
            await File.WriteAllTextAsync(rules, """
                externalRules:
                - seriesQuery: '{__name__="queue_length",namespace!=""}'
                  resources: {overrides: {namespace: {resource: "namespace"}}}
                  metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
                """);
            _adapter = await AdapterProcess.StartAsync(_work,
            [
                "--Push:Enabled=false", $"--Prometheus:Url={_prometheus!.Url}", $"--Prometheus:RulesFile={rules}",
                "--Prometheus:DiscoveryInterval=00:00:01", "--Prometheus:AttemptTimeout=00:00:02", "--Prometheus:TotalTimeout=00:00:05",
                "--Prometheus:BreakDuration=00:00:02", "--Staleness:MaxAge=00:00:05",
            ], adapterPort);
        }
        catch
        {
            // xunit does not dispose a fixture whose setup failed: stop what was started.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        _adapter?.Dispose();
        _prometheus?.Dispose();
        if (_demo is not null)
        {
            await _demo!.DisposeAsync();
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Serves_prometheus_values_reports_outages_as_errors_and_unready_then_recovers()
    {
        await Fixtures.Eventually.TrueAsync(async () => (await _adapter!.GetAsync("readyz")).Status == HttpStatusCode.OK);
        await Fixtures.Eventually.TrueAsync(async () => await Value() == "42");

        var metrics = await _adapter!.GetAsync("metrics");
        var (promtoolExit, _, promtoolErrors) = await RunPromtool(metrics.Body);
        Assert.True(promtoolExit == 0, "promtool check metrics: " + promtoolErrors);
        await Fixtures.Eventually.TrueAsync(async () => await PrometheusUp("adapter") == "1", describe: TargetsAsync);

        _prometheus!.Stop();
        await Fixtures.Eventually.TrueAsync(async () =>
        {
            var (status, body) = await _adapter!.GetAsync(MetricPath);
            Assert.True(status != HttpStatusCode.OK || ValueOf(body) == "42", "during the outage only the last known value may be served: " + body);
            return status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                && body.Contains("\"kind\":\"Status\"", StringComparison.Ordinal) && body.Contains("Prometheus", StringComparison.Ordinal);
        });
        // The apiserver convention: a failed readiness check is a non-200 with a [-] line naming it.
        await Fixtures.Eventually.TrueAsync(async () => await _adapter!.GetAsync("readyz?verbose") is { Status: not HttpStatusCode.OK } ready
            && ready.Body.Contains("[-]metric-sources", StringComparison.Ordinal));

        await _prometheus!.StartAsync();
        await Fixtures.Eventually.TrueAsync(async () => await Value() == "42");
        await Fixtures.Eventually.TrueAsync(async () => (await _adapter!.GetAsync("readyz")).Status == HttpStatusCode.OK);
    }

    private async Task<string?> Value()
    {
        var (status, body) = await _adapter!.GetAsync(MetricPath);
        return status == HttpStatusCode.OK ? ValueOf(body) : null;
    }

    private static string? ValueOf(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("value").GetString();

    private async Task<string?> PrometheusUp(string job)
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(new Uri(_prometheus!.Url, $"api/v1/query?query=up%7Bjob%3D%22{job}%22%7D"));
        var result = JsonDocument.Parse(json).RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? null : result[0].GetProperty("value")[1].GetString();
    }

    private async Task<(int, string, string)> RunPromtool(string exposition)
    {
        var file = Path.Combine(_work, "adapter-metrics.txt");
        await File.WriteAllTextAsync(file, exposition);
        return await ExternalProcess.RunAsync("/bin/sh", ["-c", $"/usr/bin/promtool check metrics < '{file}'"], TimeSpan.FromSeconds(30));
    }

    private async Task<string> TargetsAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(_prometheus!.Url, "api/v1/targets"));
    }
}
