using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Tests.TestSupport;

namespace Autoscaler.MetricsAdapter.Tests.Api;

public sealed class CustomMetricsApiTests
{
    private static readonly DateTimeOffset At = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly GroupResource Pods = new(string.Empty, "pods");

    private static async Task<AdapterTestHost> HostWithPods()
    {
        var host = await AdapterTestHost.StartAsync();
        host.Source.SetCustom(Pods, true, new ObjectReference("Pod", "shop", "web-1", "v1"), new Dictionary<string, string> { ["app"] = "web" }, "http_requests", Quantity.FromDouble(16.5), At, TimeSpan.FromMinutes(1));
        host.Source.SetCustom(Pods, true, new ObjectReference("Pod", "shop", "api-1", "v1"), new Dictionary<string, string> { ["app"] = "api" }, "http_requests", Quantity.FromDouble(2), At);
        host.Source.SetCustom(new GroupResource(string.Empty, "nodes"), false, new ObjectReference("Node", string.Empty, "node-1", "v1"), new Dictionary<string, string>(), "load", Quantity.FromDouble(0.5), At);
        host.Source.SetCustom(new GroupResource(string.Empty, "namespaces"), false, new ObjectReference("Namespace", string.Empty, "shop", "v1"), new Dictionary<string, string>(), "requests_total", Quantity.FromDouble(2000), At);
        host.Source.SetCustom(new GroupResource("apps", "deployments"), true, new ObjectReference("Deployment", "shop", "web", "apps/v1"), new Dictionary<string, string>(), "queue_len", Quantity.FromDouble(7), At);
        return host;
    }

    [Fact]
    public async Task V1Beta2NamedObjectHasTheExactShape()
    {
        await using var host = await HostWithPods();
        var r = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/http_requests");

        Assert.Equal(200, r.Status);
        Assert.Equal(
            """{"kind":"MetricValueList","apiVersion":"custom.metrics.k8s.io/v1beta2","metadata":{},"items":[{"describedObject":{"kind":"Pod","namespace":"shop","name":"web-1","apiVersion":"v1"},"metric":{"name":"http_requests","selector":null},"timestamp":"2024-05-01T12:00:00Z","windowSeconds":60,"value":"16500m"}]}""",
            r.Body);
    }

    [Fact]
    public async Task V1Beta1NamedObjectIsFlatWithWindowAndSelector()
    {
        await using var host = await HostWithPods();
        var r = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta1/namespaces/shop/pods/web-1/http_requests?metricLabelSelector=verb%3DGET");

        Assert.Equal(
            """{"kind":"MetricValueList","apiVersion":"custom.metrics.k8s.io/v1beta1","metadata":{},"items":[{"describedObject":{"kind":"Pod","namespace":"shop","name":"web-1","apiVersion":"v1"},"metricName":"http_requests","timestamp":"2024-05-01T12:00:00Z","window":60,"value":"16500m","selector":{"matchLabels":{"verb":"GET"}}}]}""",
            r.Body);
    }

    [Fact]
    public async Task WildcardArrivingAsPercent2ASelectsByLabel()
    {
        await using var host = await HostWithPods();
        var all = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/%2A/http_requests");
        var web = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/http_requests?labelSelector=app%3Dweb");
        var none = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/http_requests?labelSelector=app%3Dnone");

        Assert.Equal(2, all.Json.GetProperty("items").GetArrayLength());
        Assert.Equal("web-1", web.Json.GetProperty("items")[0].GetProperty("describedObject").GetProperty("name").GetString());
        Assert.Equal(1, web.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(200, none.Status);
        Assert.Equal("[]", none.Json.GetProperty("items").GetRawText());
    }

    [Fact]
    public async Task ClusterScopedNamespaceAndGroupedResources()
    {
        await using var host = await HostWithPods();
        var node = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/nodes/node-1/load");
        var ns = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/metrics/requests_total");
        var deploy = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/deployments.apps/web/queue_len");

        Assert.Equal("500m", node.Json.GetProperty("items")[0].GetProperty("value").GetString());
        Assert.False(node.Json.GetProperty("items")[0].GetProperty("describedObject").TryGetProperty("namespace", out _));
        Assert.Equal("2k", ns.Json.GetProperty("items")[0].GetProperty("value").GetString());
        Assert.Equal("Namespace", ns.Json.GetProperty("items")[0].GetProperty("describedObject").GetProperty("kind").GetString());
        Assert.Equal("apps/v1", deploy.Json.GetProperty("items")[0].GetProperty("describedObject").GetProperty("apiVersion").GetString());
    }

    [Fact]
    public async Task FieldSelectorNamesTheObject()
    {
        await using var host = await HostWithPods();
        var ok = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/http_requests?fieldSelector=metadata.name%3Dapi-1");
        var bad = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/*/http_requests?fieldSelector=status.phase%3DRunning");

        Assert.Equal("2", Assert.Single(ok.Json.GetProperty("items").EnumerateArray()).GetProperty("value").GetString());
        Assert.Equal(400, bad.Status);
    }

    [Fact]
    public async Task MetricSelectorIsEchoedInLabelSelectorForm()
    {
        await using var host = await HostWithPods();
        var r = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/http_requests?metricLabelSelector=verb%3DGET%2Ccode+notin+%285xx%29%2C%21canary%2Cx%21%3Dy");

        Assert.Equal(
            """{"matchLabels":{"verb":"GET"},"matchExpressions":[{"key":"canary","operator":"DoesNotExist"},{"key":"code","operator":"NotIn","values":["5xx"]},{"key":"x","operator":"NotIn","values":["y"]}]}""",
            r.Json.GetProperty("items")[0].GetProperty("metric").GetProperty("selector").GetRawText());
    }

    [Theory]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-9/http_requests", 404, "NotFound")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/unknown", 404, "NotFound")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1", 404, "NotFound")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/requests_total", 400, "BadRequest")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/metrics/*", 400, "BadRequest")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/a%25b", 400, "BadRequest")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta3/namespaces/shop/pods/web-1/http_requests", 404, "NotFound")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/http_requests?labelSelector=%28", 400, "BadRequest")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/http_requests?metricLabelSelector=a%3D%3D%3D", 400, "BadRequest")]
    [InlineData("/nothing/here", 404, "NotFound")]
    [InlineData("/openapi/v2", 404, "NotFound")]
    [InlineData("/openapi/v3", 404, "NotFound")]
    public async Task ErrorsAreStatusObjectsWithMatchingCodes(string path, int status, string reason)
    {
        await using var host = await HostWithPods();
        var r = await host.AsAdminAsync(path);

        Assert.Equal(status, r.Status);
        Assert.Equal("application/json", r.ContentType);
        Assert.Equal("Status", r.Json.GetProperty("kind").GetString());
        Assert.Equal("v1", r.Json.GetProperty("apiVersion").GetString());
        Assert.Equal("Failure", r.Json.GetProperty("status").GetString());
        Assert.Equal(reason, r.Json.GetProperty("reason").GetString());
        Assert.Equal(status, r.Json.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task SourceOutagesMapTo503And504()
    {
        await using var host = await AdapterTestHost.StartAsync(withSource: false);
        // With no source at all, a named metric is simply not found.
        var r = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/http_requests");
        Assert.Equal(404, r.Status);

        Assert.Equal(503, Errors.ApiError.FromMetricError(MetricError.Unavailable("prometheus down"), "pods", null).Code);
        Assert.Equal(504, Errors.ApiError.FromMetricError(MetricError.Timeout("slow"), "pods", null).Code);
        Assert.Equal(404, Errors.ApiError.FromMetricError(MetricError.Stale("old"), "pods", null).Code);
        Assert.Equal(400, Errors.ApiError.FromMetricError(MetricError.BadRequest("no"), "pods", null).Code);
    }
}
