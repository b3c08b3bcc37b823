using System.Text.RegularExpressions;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Autoscaler.E2E.Tests.Fixtures;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// The shipped PodDisruptionBudget manifests against the real apiserver (issue #15): the one whose
/// <c>apiVersion</c> the server serves passes a server-side dry run, is created and reads back through that version;
/// one the server does not serve is refused with kubectl's "no matches for kind" naming the version. So on every
/// Kubernetes version exactly the file the docs tell users to apply works (v1.20 here: <c>25-pdb-v1beta1.yaml</c>).
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Adapter")]
public sealed partial class AdapterPdbManifestTests(ControlPlaneFixture cp, ITestOutputHelper output)
{
    [Fact]
    public async Task The_pdb_manifest_for_each_served_policy_version_is_accepted_and_an_unserved_one_is_refused_by_version()
    {
        var served = (await cp.Admin.GetJsonAsync("/apis/policy")).GetProperty("versions").EnumerateArray()
            .Select(v => v.GetProperty("groupVersion").GetString()!).ToHashSet(StringComparer.Ordinal);
        var ns = await cp.CreateNamespaceAsync("adapter-pdb");
        var admin = cp.Environment.Kubeconfig;
        var accepted = new List<string>();
        foreach (var file in new[] { "25-pdb.yaml", "25-pdb-v1beta1.yaml" })
        {
            var yaml = File.ReadAllText(RepositoryPaths.Of("manifests", "adapter", file)).Replace("namespace: autoscaler", $"namespace: {ns}", StringComparison.Ordinal);
            var apiVersion = ApiVersion().Match(yaml).Groups[1].Value;
            if (!served.Contains(apiVersion))
            {
                var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Kubectl.RunAsync(admin, yaml, "apply", "--dry-run=server", "-f", "-"));
                Assert.Contains($"no matches for kind \"PodDisruptionBudget\" in version \"{apiVersion}\"", refused.Message, StringComparison.Ordinal);
                output.WriteLine($"{file} ({apiVersion}): not served, refused as expected");
                continue;
            }

            await Kubectl.RunAsync(admin, yaml, "apply", "--dry-run=server", "-f", "-");
            await Kubectl.RunAsync(admin, yaml, "create", "-f", "-");
            var pdb = await cp.Admin.GetJsonAsync($"/apis/{apiVersion}/namespaces/{ns}/poddisruptionbudgets/metrics-adapter");
            Assert.Equal(1, pdb.GetProperty("spec").GetProperty("minAvailable").GetInt32());
            Assert.Equal("metrics-adapter", pdb.GetProperty("spec").GetProperty("selector").GetProperty("matchLabels").GetProperty("app.kubernetes.io/name").GetString());
            await Kubectl.RunAsync(admin, string.Empty, "delete", "-n", ns, "poddisruptionbudget", "metrics-adapter");
            accepted.Add(file);
            output.WriteLine($"{file} ({apiVersion}): served, dry run and create accepted");
        }

        Assert.True(accepted.Count > 0, $"no shipped PDB manifest is served by this apiserver (policy versions: {string.Join(", ", served)})");
    }

    [GeneratedRegex(@"^apiVersion:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex ApiVersion();
}
