using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;

namespace Autoscaler.E2E.Tests.Kubernetes;

[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class PagingTests(ControlPlaneFixture cp)
{
    [Fact]
    public async Task List_pages_with_continue_tokens_and_ListAll_collects_every_page()
    {
        var ns = await cp.CreateNamespaceAsync("paging");
        const int count = 25;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => cp.Admin.ConfigMaps.CreateAsync(new ConfigMap
        {
            Metadata = new ObjectMeta { Name = $"item-{i:D2}", Namespace = ns, Labels = new Dictionary<string, string> { ["paging"] = "yes" } },
        })));

        var options = new ListOptions { LabelSelector = "paging=yes", Limit = 10 };
        var first = await cp.Admin.ConfigMaps.ListAsync(ns, options);
        Assert.Equal(10, first.Items.Count);
        Assert.False(string.IsNullOrEmpty(first.Metadata.Continue));

        var pages = 1;
        var names = first.Items.Select(i => i.Metadata.Name!).ToList();
        for (var page = first; !string.IsNullOrEmpty(page.Metadata.Continue); pages++)
        {
            page = await cp.Admin.ConfigMaps.ListAsync(ns, new ListOptions { LabelSelector = "paging=yes", Limit = 10, Continue = page.Metadata.Continue });
            names.AddRange(page.Items.Select(i => i.Metadata.Name!));
        }

        Assert.Equal(3, pages);
        Assert.Equal(count, names.Distinct().Count());

        var all = await cp.Admin.ConfigMaps.ListAllAsync(ns, new ListOptions { LabelSelector = "paging=yes", Limit = 7 });
        Assert.Equal(names.Order(), all.Items.Select(i => i.Metadata.Name!).Order());
        Assert.False(string.IsNullOrEmpty(all.Metadata.ResourceVersion));
    }
}
