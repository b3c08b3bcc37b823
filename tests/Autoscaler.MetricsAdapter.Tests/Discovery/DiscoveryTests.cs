using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Tests.TestSupport;

namespace Autoscaler.MetricsAdapter.Tests.Discovery;

public sealed class DiscoveryTests
{
    [Fact]
    public async Task GroupVersionListsWhatTheSourcesServeWithGetOnly()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Source.SetExternal("queue_depth", new Dictionary<string, string>(), Quantity.FromDouble(1), AdapterTestHost.Start);
        host.Source.SetCustom(new GroupResource(string.Empty, "pods"), true, new ObjectReference("Pod", "a", "p", "v1"), new Dictionary<string, string>(), "rps", Quantity.FromDouble(1), AdapterTestHost.Start);
        host.Source.SetCustom(new GroupResource(string.Empty, "namespaces"), false, new ObjectReference("Namespace", string.Empty, "a", "v1"), new Dictionary<string, string>(), "total", Quantity.FromDouble(1), AdapterTestHost.Start);
        host.Source.SetCustom(new GroupResource("apps", "deployments"), true, new ObjectReference("Deployment", "a", "d", "apps/v1"), new Dictionary<string, string>(), "queue_len", Quantity.FromDouble(1), AdapterTestHost.Start);

        var external = await host.AsAdminAsync("/apis/external.metrics.k8s.io/v1beta1");
        var custom = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta2");

        Assert.Equal(
            """{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"external.metrics.k8s.io/v1beta1","resources":[{"name":"queue_depth","singularName":"","namespaced":true,"kind":"ExternalMetricValueList","verbs":["get"]}]}""",
            external.Body);
        var resources = custom.Json.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("namespaced").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["deployments.apps/queue_len"] = true, ["namespaces/total"] = false, ["pods/rps"] = true }, resources);
        Assert.Equal("MetricValueList", custom.Json.GetProperty("resources")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task EmptyResourceListIsValidAndV1Beta1IsServed()
    {
        await using var host = await AdapterTestHost.StartAsync(withSource: false);
        var r = await host.AsAdminAsync("/apis/custom.metrics.k8s.io/v1beta1");
        Assert.Equal(200, r.Status);
        Assert.Equal("[]", r.Json.GetProperty("resources").GetRawText());
        Assert.Equal("custom.metrics.k8s.io/v1beta1", r.Json.GetProperty("groupVersion").GetString());
    }

    [Fact]
    public async Task GroupDocumentsPreferV1Beta2()
    {
        await using var host = await AdapterTestHost.StartAsync();
        var group = await host.AsAdminAsync("/apis/custom.metrics.k8s.io");
        var list = await host.AsAdminAsync("/apis");

        Assert.Equal(
            """{"kind":"APIGroup","apiVersion":"v1","name":"custom.metrics.k8s.io","versions":[{"groupVersion":"custom.metrics.k8s.io/v1beta2","version":"v1beta2"},{"groupVersion":"custom.metrics.k8s.io/v1beta1","version":"v1beta1"}],"preferredVersion":{"groupVersion":"custom.metrics.k8s.io/v1beta2","version":"v1beta2"}}""",
            group.Body);
        Assert.Equal("APIGroupList", list.Json.GetProperty("kind").GetString());
        Assert.Equal(2, list.Json.GetProperty("groups").GetArrayLength());
        Assert.Equal(404, (await host.AsAdminAsync("/apis/metrics.k8s.io")).Status);
    }

    [Theory]
    [InlineData("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", 406)]
    [InlineData("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList", 406)]
    [InlineData("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json", 200)]
    [InlineData("application/json", 200)]
    [InlineData("*/*", 200)]
    [InlineData("application/json;q=0", 406)]
    public async Task AggregatedDiscoveryNegotiationFallsBackWith406(string accept, int status)
    {
        await using var host = await AdapterTestHost.StartAsync();
        var r = await host.AsAdminAsync("/apis", accept: accept);
        Assert.Equal(status, r.Status);
        if (status == 406)
        {
            Assert.Equal("NotAcceptable", r.Json.GetProperty("reason").GetString());
        }
    }
}
