using Autoscaler.Core.Labels;
using Autoscaler.MetricsAdapter.Objects;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Tests.Objects;

public sealed class InMemoryObjectListerTests
{
    private static readonly GroupResource Pods = new(string.Empty, "pods");

    [Fact]
    public async Task Lists_sorted_names_matching_the_selector_in_the_namespace_only()
    {
        var lister = new InMemoryObjectLister();
        lister.Set(Pods, "shop", "web-2", new Dictionary<string, string> { ["app"] = "web" });
        lister.Set(Pods, "shop", "web-1", new Dictionary<string, string> { ["app"] = "web" });
        lister.Set(Pods, "shop", "db-1", new Dictionary<string, string> { ["app"] = "db" });
        lister.Set(Pods, "billing", "web-9", new Dictionary<string, string> { ["app"] = "web" });

        var names = await lister.ListNamesAsync(Pods, "shop", LabelSelector.Parse("app=web"), default);

        Assert.Equal(["web-1", "web-2"], names.Value);
    }

    [Fact]
    public async Task Deleted_objects_go_and_unwatched_resources_are_a_bad_request()
    {
        var lister = new InMemoryObjectLister();
        lister.Set(Pods, "shop", "web-1", new Dictionary<string, string> { ["app"] = "web" });
        lister.Delete(Pods, "shop", "web-1");

        Assert.Empty((await lister.ListNamesAsync(Pods, "shop", LabelSelector.Everything, default)).Value);
        var unwatched = await lister.ListNamesAsync(new GroupResource("apps", "deployments"), "shop", LabelSelector.Everything, default);
        Assert.Equal(MetricErrorKind.BadRequest, unwatched.Error!.Kind);
    }
}
