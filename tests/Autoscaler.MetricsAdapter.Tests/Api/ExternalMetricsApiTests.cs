using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Tests.TestSupport;

namespace Autoscaler.MetricsAdapter.Tests.Api;

public sealed class ExternalMetricsApiTests
{
    private const string Base = "/apis/external.metrics.k8s.io/v1beta1";
    private static readonly DateTimeOffset At = new(2024, 5, 1, 12, 0, 0, 500, TimeSpan.Zero);

    [Fact]
    public async Task ServesTheExactExternalListShape()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Source.SetExternal("queue_depth", new Dictionary<string, string> { ["queue"] = "orders" }, Quantity.FromDouble(1.5), At, window: TimeSpan.FromSeconds(60));

        var r = await host.AsAdminAsync($"{Base}/namespaces/default/queue_depth?labelSelector=queue%3Dorders");

        Assert.Equal(200, r.Status);
        Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            """{"kind":"ExternalMetricValueList","apiVersion":"external.metrics.k8s.io/v1beta1","metadata":{},"items":[{"metricName":"queue_depth","metricLabels":{"queue":"orders"},"timestamp":"2024-05-01T12:00:00Z","window":60,"value":"1500m"}]}""",
            r.Body);
    }

    [Fact]
    public async Task InstantaneousValuesOmitWindowAndAlwaysEmitLabels()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Source.SetExternal("queue_length", new Dictionary<string, string>(), Quantity.FromDouble(40), At);

        var item = (await host.AsAdminAsync($"{Base}/namespaces/default/queue_length")).Json.GetProperty("items")[0];

        Assert.False(item.TryGetProperty("window", out _));
        Assert.Equal("{}", item.GetProperty("metricLabels").GetRawText());
        Assert.Equal("40", item.GetProperty("value").GetString());
    }

    [Fact]
    public async Task SelectorFiltersSeriesAndFormEncodingIsDecoded()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Source.SetExternal("q", new Dictionary<string, string> { ["queue"] = "orders", ["tier"] = "a" }, Quantity.FromMilli(1), At);
        host.Source.SetExternal("q", new Dictionary<string, string> { ["queue"] = "mail", ["tier"] = "b" }, Quantity.FromMilli(2), At);
        host.Source.SetExternal("q", new Dictionary<string, string> { ["queue"] = "sms", ["tier"] = "c" }, Quantity.FromMilli(3), At);

        // As re-encoded by kube-apiserver: spaces as '+', '(' and ',' escaped.
        var r = await host.AsAdminAsync($"{Base}/namespaces/default/q?labelSelector=queue+in+%28mail%2Corders%29%2Ctier%21%3Da");

        var values = r.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("value").GetString()!).ToArray();
        Assert.Equal(["2m"], values);
    }

    [Theory]
    [InlineData("labelSelector=a+in", "invalid labelSelector")]
    [InlineData("labelSelector=-bad%3Dx", "unable to parse requirement: <nil>: Invalid value: \"-bad\": name part must consist of")]
    [InlineData("labelSelector=a%3D%3D%3Db", "expected: identifier")]
    public async Task MalformedSelectorsAre400WithTheParserReason(string query, string reason)
    {
        await using var host = await AdapterTestHost.StartAsync();
        var r = await host.AsAdminAsync($"{Base}/namespaces/default/q?{query}");

        Assert.Equal(400, r.Status);
        Assert.Equal("BadRequest", r.Json.GetProperty("reason").GetString());
        Assert.Equal(400, r.Json.GetProperty("code").GetInt32());
        Assert.Contains(reason, r.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMetricIs404StatusAndNoValueIsNeverZero()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Source.DeclareExternal("empty_metric");

        var unknown = await host.AsAdminAsync($"{Base}/namespaces/default/nope");
        var empty = await host.AsAdminAsync($"{Base}/namespaces/default/empty_metric");

        Assert.Equal(404, unknown.Status);
        Assert.Equal("Status", unknown.Json.GetProperty("kind").GetString());
        Assert.Equal("NotFound", unknown.Json.GetProperty("reason").GetString());
        Assert.Equal("the server could not find the metric nope", unknown.Json.GetProperty("message").GetString());
        Assert.Equal(404, empty.Status);
        Assert.DoesNotContain("\"value\"", empty.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/namespaces/default", 404)]
    [InlineData("/queue_length", 404)]
    [InlineData("/namespaces/Bad_NS/queue_length", 400)]
    [InlineData("/namespaces/default/..", 400)]
    [InlineData("/namespaces/default/a/b", 404)]
    public async Task MalformedExternalPaths(string suffix, int status)
    {
        await using var host = await AdapterTestHost.StartAsync();
        var r = await host.AsAdminAsync(Base + suffix);
        Assert.Equal(status, r.Status);
        Assert.Equal("Status", r.Json.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task NonGetIs405AndUnacceptableMediaIs406()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Source.SetExternal("q", new Dictionary<string, string>(), Quantity.FromMilli(1), At);

        var post = await host.AsAdminAsync($"{Base}/namespaces/default/q", method: "POST");
        var protobufOnly = await host.AsAdminAsync($"{Base}/namespaces/default/q", accept: "application/vnd.kubernetes.protobuf");
        var hpaAccept = await host.AsAdminAsync($"{Base}/namespaces/default/q", accept: "application/vnd.kubernetes.protobuf, */*");

        Assert.Equal(405, post.Status);
        Assert.Equal("MethodNotAllowed", post.Json.GetProperty("reason").GetString());
        Assert.Equal(406, protobufOnly.Status);
        Assert.Equal("NotAcceptable", protobufOnly.Json.GetProperty("reason").GetString());
        Assert.Equal(200, hpaAccept.Status);
    }
}
