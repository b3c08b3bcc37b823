using System.Net;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;

namespace Autoscaler.E2E.Tests.Kubernetes;

[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class CrudTests(ControlPlaneFixture cp)
{
    [Fact]
    public async Task ConfigMap_create_get_list_replace_patch_delete()
    {
        var ns = await cp.CreateNamespaceAsync("crud");
        var maps = cp.Admin.ConfigMaps;
        var created = await maps.CreateAsync(new ConfigMap
        {
            Metadata = new ObjectMeta { Name = "settings", Namespace = ns, Labels = new Dictionary<string, string> { ["app"] = "crud" } },
            Data = new Dictionary<string, string> { ["a"] = "1" },
        });
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.Equal("ConfigMap", created.Kind);

        var read = await maps.GetAsync("settings", ns);
        Assert.Equal("1", read.Data!["a"]);
        var listed = await maps.ListAsync(ns, new ListOptions { LabelSelector = "app=crud" });
        Assert.Equal("settings", Assert.Single(listed.Items).Metadata.Name);

        read.Data["b"] = "2";
        var replaced = await maps.ReplaceAsync(read);
        Assert.NotEqual(read.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);

        var merged = await maps.PatchAsync("settings", ns, KubernetesPatch.Merge("""{"data":{"a":null,"c":"3"}}"""));
        Assert.Equal(new[] { "b", "c" }, merged.Data!.Keys.Order());

        var jsonPatched = await maps.PatchAsync("settings", ns, KubernetesPatch.Json("""[{"op":"replace","path":"/data/b","value":"20"}]"""));
        Assert.Equal("20", jsonPatched.Data!["b"]);

        Assert.True(await maps.DeleteAsync("settings", ns));
        Assert.Null(await maps.TryGetAsync("settings", ns));
        Assert.False(await maps.DeleteAsync("settings", ns));
    }

    [Fact]
    public async Task Missing_object_is_NotFound_with_the_status_reason_and_message()
    {
        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => cp.Admin.ConfigMaps.GetAsync("absent", "default"));
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal("NotFound", e.Reason);
        Assert.Contains("configmaps \"absent\" not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taken_name_is_AlreadyExists_and_invalid_field_names_the_field()
    {
        var ns = await cp.CreateNamespaceAsync("crud");
        var map = new ConfigMap { Metadata = new ObjectMeta { Name = "twice", Namespace = ns } };
        await cp.Admin.ConfigMaps.CreateAsync(map);
        var exists = await Assert.ThrowsAsync<KubernetesApiException>(() => cp.Admin.ConfigMaps.CreateAsync(map));
        Assert.True(exists.IsAlreadyExists);

        var invalid = await Assert.ThrowsAsync<KubernetesApiException>(() => cp.Admin.ConfigMaps.CreateAsync(
            new ConfigMap { Metadata = new ObjectMeta { Name = "Not_A_Dns_Name", Namespace = ns } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("Invalid", invalid.Reason);
        Assert.Contains(invalid.Status!.Details!.Causes!, c => c.Field == "metadata.name");
    }

    [Fact]
    public async Task Replace_with_a_stale_resourceVersion_is_a_typed_conflict()
    {
        var ns = await cp.CreateNamespaceAsync("conflict");
        var maps = cp.Admin.ConfigMaps;
        await maps.CreateAsync(new ConfigMap { Metadata = new ObjectMeta { Name = "shared", Namespace = ns } });
        var first = await maps.GetAsync("shared", ns);
        var second = await maps.GetAsync("shared", ns);

        first.Data = new Dictionary<string, string> { ["writer"] = "first" };
        await maps.ReplaceAsync(first);
        second.Data = new Dictionary<string, string> { ["writer"] = "second" };
        var conflict = await Assert.ThrowsAsync<KubernetesConflictException>(() => maps.ReplaceAsync(second));

        Assert.Equal("Conflict", conflict.Reason);
        Assert.Contains("the object has been modified", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("first", (await maps.GetAsync("shared", ns)).Data!["writer"]);
    }
}
