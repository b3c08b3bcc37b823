using System.Text.RegularExpressions;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Autoscaler.E2E.Tests.Controller;
using Autoscaler.E2E.Tests.Fixtures;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>
/// Every file of manifests/ is accepted by the 1.20.2 apiserver as a user applies it (kubectl apply, server-side dry
/// run so nothing else on the plane changes), except the two that exist for newer clusters (policy/v1 PDB,
/// autoscaling/v2 example HPA), which are refused with kubectl's "no matches for kind" and have a 1.20 alternative.
/// The manifests' namespaces (autoscaler-system, autoscaler, shop) are mapped to throw-away ones, the APIServices'
/// CA_BUNDLE placeholder to a real certificate (what docs/adapter.md's sed does).
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class ShippedManifestsTests(ControlPlaneFixture fixture)
{
    private static readonly string[] NewerClustersOnly = ["adapter/25-pdb.yaml", "adapter/90-example-hpa.yaml"];

    [Fact]
    public async Task Every_manifest_meant_for_1_20_is_accepted_and_the_newer_ones_name_their_version()
    {
        await new ControllerCluster(fixture).InstallAsync(); // the CRDs, so the examples' kinds exist
        var namespaces = new Dictionary<string, string>
        {
            ["autoscaler-system"] = await fixture.CreateNamespaceAsync("mf-system"),
            ["autoscaler"] = await fixture.CreateNamespaceAsync("mf-adapter"),
            ["shop"] = await fixture.CreateNamespaceAsync("mf-shop"),
        };
        var caBundle = Convert.ToBase64String(await File.ReadAllBytesAsync(fixture.Environment.CaFile));
        var root = ControllerCluster.RepoFile("manifests");
        var failures = new List<string>();
        var accepted = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var text = (await File.ReadAllTextAsync(file)).Replace("CA_BUNDLE", caBundle, StringComparison.Ordinal);
            foreach (var (shipped, mine) in namespaces)
            {
                text = Regex.Replace(text, $@"\b(namespace|name): {Regex.Escape(shipped)}(?=[\s,}}])", $"$1: {mine}");
            }

            try
            {
                await Kubectl.RunAsync(fixture.Environment.Kubeconfig, text, "apply", "--dry-run=server", "-f", "-");
                accepted++;
                if (NewerClustersOnly.Contains(relative)) failures.Add($"{relative}: accepted by 1.20, but it is documented as refused there");
            }
            catch (InvalidOperationException e)
            {
                if (!NewerClustersOnly.Contains(relative)) failures.Add($"{relative}: {e.Message}");
                else if (!e.Message.Contains("no matches for kind", StringComparison.Ordinal)) failures.Add($"{relative}: refused, but not for its version: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(accepted >= 20, $"only {accepted} files were applied from {root}");
    }
}
