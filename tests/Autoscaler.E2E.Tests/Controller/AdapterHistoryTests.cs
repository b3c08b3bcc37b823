using System.Globalization;
using System.Net;
using Autoscaler.Controller.History;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using k8s;
using k8s.Models;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>
/// Issue #11, spec.history.adapterMetric end to end on the real v1.20 control plane: 30 minutes of samples are pushed
/// into the adapter (a real process, the e2e pusher's token), a PredictivePolicy names one of the pushed series, and the
/// controller, started with --adapter-url/--adapter-ca-file and the token of the shipped autoscaler-controller service
/// account (manifests/controller/10-rbac.yaml grants it get pushedmetrics), reads that history over HTTPS from the
/// adapter's query_range and shows a forecast computed from it. The adapter authenticates the token with a real
/// TokenReview and authorizes it with a real SubjectAccessReview; the pusher's token (create, not get) is refused.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Controller")]
public sealed class AdapterHistoryTests(ControlPlaneFixture cp, ITestOutputHelper output)
{
    private const double Orders = 55;
    private const double Decoy = 95;
    private readonly ControllerCluster _cluster = new(cp);

    private static V1Alpha1PredictivePolicy Policy(string ns) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web-history", NamespaceProperty = ns },
        Spec = new PredictivePolicySpec
        {
            TargetRef = new PolicyTargetRef { Name = "web" },
            History = new HistorySourceSpec
            {
                AdapterMetric = new AdapterMetricHistorySpec { Name = "queue_length", Labels = new Dictionary<string, string> { ["queue"] = "orders" }, Step = "1m" },
            },
            Forecaster = "persistence",
            HeadroomPercent = 0,
            Mode = PolicyModes.Observe,
            TrustGate = new TrustGateSpec { Enabled = false },
        },
    };

    [Fact]
    public async Task The_controller_forecasts_from_history_pushed_to_the_adapter()
    {
        await _cluster.InstallAsync();
        await _cluster.Kubectl("apply", "-f", ControllerCluster.RepoFile("manifests/controller/00-namespace.yaml"), "-f", ControllerCluster.RepoFile("manifests/controller/10-rbac.yaml"));
        var controllerToken = await AdapterDeployment.ServiceAccountTokenAsync(cp, "autoscaler-system", "autoscaler-controller");
        var work = Directory.CreateTempSubdirectory("adapter-history-e2e-").FullName;
        var tokenFile = Path.Combine(work, "token");
        await File.WriteAllTextAsync(tokenFile, controllerToken);
        // Backfilled history: samples up to 40 minutes old are accepted and kept.
        await using var adapter = await AdapterDeployment.StartAsync(cp, "--Push:MaxPastAge=00:40:00", "--Storage:Retention=02:00:00");
        var ns = await _cluster.NamespaceAsync("ctl-hist");
        await _cluster.WorkloadAsync(ns, "web", 1); // External queue_length, AverageValue 10 per replica

        // One sample a minute for the last 30 minutes: queue=orders at 55 (the policy's series), queue=refunds at 95 (a decoy).
        var now = DateTimeOffset.UtcNow;
        var request = new PushRequest { Namespace = ns };
        for (var i = 30; i >= 1; i--)
        {
            foreach (var (queue, value) in new[] { ("orders", Orders), ("refunds", Decoy) })
            {
                var sample = new Sample { Name = "queue_length", Value = value, TimestampUnixMs = now.AddMinutes(-i).ToUnixTimeMilliseconds() };
                sample.Labels["queue"] = queue;
                request.Samples.Add(sample);
            }
        }

        using (var push = adapter.PushClient())
        {
            var (code, message, accepted) = await push.TrySendAsync(request);
            Assert.True(code == "0", $"push refused: {code} {message}");
            Assert.Equal(60u, accepted);
        }

        // The endpoint itself, on the adapter's secure port with its CA: anonymous 401, the pusher (create only) 403.
        var caFile = Path.Combine(adapter.WorkDirectory, "tls.crt");
        using (var http = AdapterHttpClient.Create(caFile, tokenFile: null, TimeProvider.System, TimeSpan.FromSeconds(30)))
        {
            var url = new Uri($"{adapter.Address}/history/namespaces/{ns}/api/v1/query_range?query=queue_length%7Bqueue%3D%22orders%22%7D"
                + $"&start={now.AddMinutes(-10).ToUnixTimeSeconds()}&end={now.ToUnixTimeSeconds()}&step=60");
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, url, null));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(http, url, adapter.PushToken));
            var (allowed, body) = await SendAsync(http, url, controllerToken);
            output.WriteLine(body);
            Assert.Equal(HttpStatusCode.OK, allowed);
            Assert.Contains("\"55\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"95\"", body, StringComparison.Ordinal);
        }

        await _cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Policy(ns), AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.PredictivePolicyPlural);
        var (app, _) = await _cluster.StartControllerAsync(ns, TimeSpan.FromSeconds(3), o => o with
        {
            AdapterUrl = new Uri(adapter.Address + "/"),
            AdapterCaFile = caFile,
            AdapterTokenFile = tokenFile,
        });
        await using var _ = app;

        // Persistence of 55 with no headroom at 10 per replica: ceil(5.5) = 6 (the decoy's 95 would give 10).
        var status = await Eventually.Async("the policy's status to show a forecast fitted on the adapter's history", async seen =>
        {
            var policy = await _cluster.Client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1PredictivePolicy>(
                AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.PredictivePolicyPlural, "web-history");
            var s = policy.Status;
            var history = s?.Conditions?.FirstOrDefault(c => c.Type == "HistoryAvailable");
            seen($"HistoryAvailable {history?.Status} {history?.Reason} '{history?.Message}', forecast {s?.Forecast?.Model}, recommended {s?.RecommendedFloor}");
            return history is { Status: "True", Reason: "Fitted" } && s?.RecommendedFloor is not null ? s : null;
        }, TimeSpan.FromSeconds(90), Eventually.ApiOrHttpError);

        output.WriteLine($"forecast {status.Forecast?.Model}; recommended floor {status.RecommendedFloor}; decision {status.Decisions?.LastOrDefault()?.Message}");
        Assert.StartsWith("persistence", status.Forecast!.Model, StringComparison.Ordinal);
        Assert.Equal(6, status.RecommendedFloor);
        Assert.Contains(status.Decisions!, d => d.Message?.Contains("forecast p90 55 ", StringComparison.Ordinal) == true);
        Assert.Equal(1, (await _cluster.HpaAsync(ns, "web")).Spec.MinReplicas); // observe: nothing applied
        Directory.Delete(work, recursive: true);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, Uri url, string? token) => (await SendAsync(http, url, token)).Status;

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, Uri url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
