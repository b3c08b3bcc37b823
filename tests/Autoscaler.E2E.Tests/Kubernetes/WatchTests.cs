using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.E2E.Tests.Kubernetes;

[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class WatchTests(ControlPlaneFixture cp)
{
    [Fact]
    public async Task Watch_streams_added_modified_and_deleted_from_the_list_version()
    {
        var ns = await cp.CreateNamespaceAsync("watch");
        var maps = cp.Admin.ConfigMaps;
        var list = await maps.ListAsync(ns);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<(WatchEventType, string?)>();
        var watching = Task.Run(async () =>
        {
            await foreach (var e in maps.WatchAsync(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion, TimeoutSeconds = 30 }, timeout.Token))
            {
                if (e.Type == WatchEventType.Bookmark)
                {
                    continue;
                }

                seen.Add((e.Type, e.Object?.Data is { } d && d.TryGetValue("v", out var v) ? v : null));
                if (e.Type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });

        await maps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "watched", Namespace = ns }, Data = new Dictionary<string, string> { ["v"] = "1" } });
        await maps.PatchAsync("watched", ns, KubernetesPatch.Merge("""{"data":{"v":"2"}}"""));
        await maps.DeleteAsync("watched", ns);
        await watching;

        Assert.Equal(new (WatchEventType, string?)[] { (WatchEventType.Added, "1"), (WatchEventType.Modified, "2"), (WatchEventType.Deleted, "2") }, seen);
    }

    [Fact]
    public async Task Watch_from_a_too_old_version_gets_a_410_error_event_inside_a_200_stream()
    {
        var first = await TooOldVersion.FirstEventFromVersionOneAsync(cp.Admin, "kube-system");
        Assert.Equal(WatchEventType.Error, first.Type);
        Assert.True(first.IsExpired);
        Assert.Equal("Expired", first.Error!.Reason);
        Assert.Contains("too old", first.Error.Message, StringComparison.Ordinal);
    }
}
