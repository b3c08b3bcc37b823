using System.Net;
using System.Text.Json;
using Autoscaler.E2E.Tests.Fixtures;
using k8s;
using k8s.Autorest;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>The adapter behind the real aggregation layer, read by the real HPA controller.</summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Adapter")]
public sealed class AggregatedAdapterTests(ControlPlaneFixture cp, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Orders = new() { ["queue"] = "orders" };
    private AdapterDeployment _adapter = null!;

    public async Task InitializeAsync() => _adapter = await AdapterDeployment.StartAsync(cp);

    public async Task DisposeAsync() => await _adapter.DisposeAsync();

    [Fact]
    public async Task Discovery_and_metrics_are_served_through_the_aggregator()
    {
        var ns = await cp.CreateNamespaceAsync("adapter-disc");
        using var push = _adapter.PushClient();
        Assert.Equal(1u, await push.PushAsync(ns, "queue_length", Orders, 1.5));

        var group = await cp.Admin.GetJsonAsync("/apis/external.metrics.k8s.io/v1beta1");
        var custom = await cp.Admin.GetJsonAsync("/apis/custom.metrics.k8s.io/v1beta2");
        var value = await cp.Admin.GetJsonAsync($"/apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/queue_length?labelSelector=queue%3Dorders");
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => cp.Admin.GetJsonAsync($"/apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/no_such_metric"));

        Assert.Equal("APIResourceList", group.GetProperty("kind").GetString());
        Assert.Contains(group.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "queue_length");
        Assert.Equal("custom.metrics.k8s.io/v1beta2", custom.GetProperty("groupVersion").GetString());
        Assert.Equal("1500m", value.GetProperty("items")[0].GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        output.WriteLine($"through the aggregator: {value.GetRawText()}");
    }

    [Fact]
    public async Task Hpa_scales_a_deployment_up_and_back_down_from_a_pushed_queue_length()
    {
        var ns = await cp.CreateNamespaceAsync("adapter-hpa");
        using var push = _adapter.PushClient();
        await push.PushAsync(ns, "queue_length", Orders, 40);
        await QueueWorker.ApplyAsync(_adapter.Admin, ns);

        // 40 queued / 10 per replica = 4 replicas.
        await WaitReplicasAsync(ns, 4);
        await push.PushAsync(ns, "queue_length", Orders, 5);
        await WaitReplicasAsync(ns, 1);

        // The HPA posts its SuccessfulRescale Event asynchronously after the scale: wait for it, never race it.
        var events = await HpaEvents.WaitForAsync(_adapter.Admin, ns, "SuccessfulRescale +New size: 1;", "the HPA's scale-down Event");
        output.WriteLine(events);
        Assert.Matches("SuccessfulRescale +New size: 4; reason: external metric queue_length.* above target", events);
        Assert.Matches("SuccessfulRescale +New size: 1; reason: All metrics below target", events);
    }

    [Fact]
    public async Task Queries_through_the_apiserver_are_authorized_per_user()
    {
        var ns = await cp.CreateNamespaceAsync("adapter-rbac");
        using var push = _adapter.PushClient();
        await push.PushAsync(ns, "queue_length", Orders, 7);
        var user = cp.CreateClient(cp.Environment.UserKubeconfig);
        var path = $"/apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/queue_length";

        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => user.GetJsonAsync(path));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);
        output.WriteLine($"without RBAC: {denied.Message}");

        await Kubectl.RunAsync(_adapter.Admin, string.Empty, "-n", ns, "create", "rolebinding", "metrics-reader", "--clusterrole=autoscaler-metrics-reader", "--group=autoscaler-e2e:users");
        var allowed = await Eventually.Async("the user's read after the RoleBinding", async () =>
        {
            try
            {
                return (await user.GetJsonAsync(path)).GetRawText();
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Forbidden)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(30));
        Assert.Equal("7", JsonDocument.Parse(allowed).RootElement.GetProperty("items")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Own_metrics_pass_promtool_and_anonymous_metric_reads_are_refused()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        var (status, text) = await _adapter.ScrapeAsync();
        var anonymousStatus = (await anonymous.GetAsync($"{_adapter.Address}/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_length")).StatusCode;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousStatus);
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, text);
        var (exit, stdout, stderr) = await ExternalProcess.RunAsync("/bin/sh", ["-c", $"promtool check metrics < {file}"], TimeSpan.FromSeconds(30));
        File.Delete(file);
        Assert.True(exit == 0, $"promtool: {stdout}{stderr}\n{text}");
        Assert.Contains("adapter_requests_total", text, StringComparison.Ordinal);
    }

    private Task WaitReplicasAsync(string ns, int replicas) => QueueWorker.WaitReplicasAsync(cp.Admin, ns, replicas);
}
