using System.Text.Json;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;

namespace Autoscaler.E2E.Tests.Kubernetes;

[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class CustomResourceTests(ControlPlaneFixture cp)
{
    private const string Group = "e2e.autoscaler.example";
    private static readonly ApiResource Widgets = new(Group, "v1alpha1", "widgets", "Widget", true);

    private static CustomResourceDefinition Definition() => new()
    {
        Metadata = new ObjectMeta { Name = $"widgets.{Group}" },
        Spec = new CustomResourceDefinitionSpec
        {
            Group = Group,
            Scope = "Namespaced",
            Names = new CustomResourceDefinitionNames { Plural = "widgets", Singular = "widget", Kind = "Widget", ListKind = "WidgetList" },
            Versions =
            [
                new CustomResourceDefinitionVersion
                {
                    Name = "v1alpha1", Served = true, Storage = true,
                    Schema = new CustomResourceValidation { OpenApiV3Schema = JsonDocument.Parse("""
                        {"type":"object","properties":{
                          "spec":{"type":"object","properties":{"replicas":{"type":"integer"},"size":{"type":"string"}}},
                          "status":{"type":"object","properties":{"replicas":{"type":"integer"},"selector":{"type":"string"},"phase":{"type":"string"}}}}}
                        """).RootElement },
                    Subresources = new CustomResourceSubresources
                    {
                        Status = JsonDocument.Parse("{}").RootElement,
                        Scale = new CustomResourceSubresourceScale
                        {
                            SpecReplicasPath = ".spec.replicas", StatusReplicasPath = ".status.replicas", LabelSelectorPath = ".status.selector",
                        },
                    },
                },
            ],
        },
    };

    [Fact]
    public async Task Crd_is_installed_and_a_custom_resource_round_trips_spec_status_and_scale()
    {
        var crds = cp.Admin.CustomResourceDefinitions;
        if (await crds.TryGetAsync($"widgets.{Group}") is null)
        {
            await crds.CreateAsync(Definition());
        }

        await Eventually.Async("the CRD to be Established", async () =>
            (await crds.GetAsync($"widgets.{Group}")).Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true ? "" : null,
            TimeSpan.FromSeconds(30));

        var ns = await cp.CreateNamespaceAsync("crd");
        var widgets = cp.Admin.CustomObjects(Widgets);
        var created = await Eventually.Async("the widgets endpoint", async () =>
        {
            try
            {
                return await widgets.CreateAsync(new CustomObject
                {
                    Metadata = new ObjectMeta { Name = "w1", Namespace = ns },
                    Spec = JsonDocument.Parse("""{"replicas":1,"size":"large"}""").RootElement,
                    Status = JsonDocument.Parse("""{"phase":"ignored-on-create"}""").RootElement,
                });
            }
            catch (Autoscaler.Kubernetes.Errors.KubernetesApiException e) when (e.IsNotFound)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(30));
        Assert.Equal("large", created.Spec!.Value.GetProperty("size").GetString());
        Assert.Null(created.Status);
        Assert.Equal(1, created.Metadata.Generation);

        created.Status = JsonDocument.Parse("""{"phase":"Ready","replicas":1,"selector":"app=w1"}""").RootElement;
        created.Spec = JsonDocument.Parse("""{"replicas":1,"size":"changed-through-status"}""").RootElement;
        var afterStatus = await widgets.ReplaceStatusAsync(created);
        Assert.Equal("Ready", afterStatus.Status!.Value.GetProperty("phase").GetString());
        Assert.Equal("large", afterStatus.Spec!.Value.GetProperty("size").GetString());
        Assert.Equal(1, afterStatus.Metadata.Generation);

        var afterSpec = await widgets.PatchAsync("w1", ns, KubernetesPatch.Merge("""{"spec":{"size":"small"}}"""));
        Assert.Equal(2, afterSpec.Metadata.Generation);
        Assert.Equal("Ready", afterSpec.Status!.Value.GetProperty("phase").GetString());

        var scale = await widgets.PatchScaleAsync("w1", ns, 3);
        Assert.Equal(3, scale.Spec!.Replicas);
        Assert.Equal("app=w1", scale.Status!.Selector);
        Assert.Equal(3, (await widgets.GetAsync("w1", ns)).Spec!.Value.GetProperty("replicas").GetInt32());
    }
}
