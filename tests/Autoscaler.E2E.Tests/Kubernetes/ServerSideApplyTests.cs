using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class ServerSideApplyTests(ControlPlaneFixture cp)
{
    private static ConfigMap Partial(string ns, params (string Key, string Value)[] data) => new()
    {
        Metadata = new ObjectMeta { Name = "applied", Namespace = ns },
        Data = data.ToDictionary(d => d.Key, d => d.Value),
    };

    [Fact]
    public async Task Two_field_managers_share_an_object_conflict_and_force_takes_ownership()
    {
        var ns = await cp.CreateNamespaceAsync("ssa");
        var maps = cp.Admin.ConfigMaps;

        var created = await maps.ApplyAsync(Partial(ns, ("owned-by-a", "1")), "manager-a");
        Assert.Equal("1", created.Data!["owned-by-a"]);
        var both = await maps.ApplyAsync(Partial(ns, ("owned-by-b", "2")), "manager-b");
        Assert.Equal(new[] { "owned-by-a", "owned-by-b" }, both.Data!.Keys.Order());
        Assert.Contains(both.Metadata.ManagedFields!, m => m.Manager == "manager-a");
        Assert.Contains(both.Metadata.ManagedFields!, m => m.Manager == "manager-b");

        var conflict = await Assert.ThrowsAsync<KubernetesConflictException>(
            () => maps.ApplyAsync(Partial(ns, ("owned-by-a", "changed-by-b"), ("owned-by-b", "2")), "manager-b"));
        var cause = Assert.Single(conflict.FieldConflicts);
        Assert.Contains("owned-by-a", cause.Field, StringComparison.Ordinal);
        Assert.Contains("manager-a", cause.Message, StringComparison.Ordinal);

        var forced = await maps.ApplyAsync(Partial(ns, ("owned-by-a", "changed-by-b"), ("owned-by-b", "2")), "manager-b", force: true);
        Assert.Equal("changed-by-b", forced.Data!["owned-by-a"]);

        // manager-a no longer owns its key; when it re-applies without it, the key stays (manager-b owns it).
        var afterA = await maps.ApplyAsync(Partial(ns), "manager-a");
        Assert.Equal("changed-by-b", afterA.Data!["owned-by-a"]);

        // manager-b drops owned-by-b from its apply: the server removes the field it alone owned.
        var afterB = await maps.ApplyAsync(Partial(ns, ("owned-by-a", "changed-by-b")), "manager-b");
        Assert.False(afterB.Data!.ContainsKey("owned-by-b"));
    }
}
