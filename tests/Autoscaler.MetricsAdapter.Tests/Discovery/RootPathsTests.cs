using Autoscaler.MetricsAdapter.Tests.TestSupport;

namespace Autoscaler.MetricsAdapter.Tests.Discovery;

/// <summary>Issue #14: the root paths a client or the aggregator may probe answer like a Kubernetes API server.</summary>
public sealed class RootPathsTests
{
    [Fact]
    public async Task Root_lists_the_served_paths_as_metav1_RootPaths()
    {
        await using var host = await AdapterTestHost.StartAsync();

        var r = await host.AsAdminAsync("/");

        Assert.Equal(200, r.Status);
        Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        var paths = r.Json.GetProperty("paths").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Equal(
            [
                "/apis", "/apis/custom.metrics.k8s.io", "/apis/custom.metrics.k8s.io/v1beta1", "/apis/custom.metrics.k8s.io/v1beta2",
                "/apis/external.metrics.k8s.io", "/apis/external.metrics.k8s.io/v1beta1", "/healthz", "/livez", "/metrics", "/readyz", "/version",
            ],
            paths);
    }

    [Fact]
    public async Task Version_answers_version_info_with_every_field()
    {
        await using var host = await AdapterTestHost.StartAsync();

        var r = await host.AsAdminAsync("/version");

        Assert.Equal(200, r.Status);
        var fields = r.Json.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["major", "minor", "gitVersion", "gitCommit", "gitTreeState", "buildDate", "goVersion", "compiler", "platform"], fields);
        Assert.StartsWith("v", r.Json.GetProperty("gitVersion").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9]+$", r.Json.GetProperty("major").GetString());
        Assert.Matches("^[a-z]+/[a-z0-9]+$", r.Json.GetProperty("platform").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/version")]
    public async Task Root_paths_need_authentication_like_any_delegated_api_server(string path)
    {
        await using var host = await AdapterTestHost.StartAsync();

        var r = await host.SendAsync(path);

        Assert.Equal(401, r.Status);
    }

    [Fact]
    public async Task Root_paths_answer_405_to_writes()
    {
        await using var host = await AdapterTestHost.StartAsync();

        Assert.Equal(405, (await host.AsAdminAsync("/version", method: "POST")).Status);
    }
}
