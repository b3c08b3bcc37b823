using System.Text.Json;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Autoscaler.E2E.Tests.Controller;
using Autoscaler.E2E.Tests.Fixtures;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>
/// Regression (new user's trial): step 3 of docs/adapter.md's install applied an HPA on Deployment <c>worker</c> and bound
/// ServiceAccount <c>default:worker</c>, but nothing created either, so the HPA said FailedGetScale. Step 3 as written
/// (manifests/examples/worker.yaml, the RoleBinding, the 1.20 HPA), in a throw-away namespace instead of default: the
/// HPA controller then gets the Deployment's scale (AbleToScale=True); without worker.yaml it does not (the control).
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class AdapterExampleStepTests(ControlPlaneFixture fixture)
{
    [Fact]
    public async Task Step_3_as_written_gives_the_hpa_a_deployment_to_scale()
    {
        var ns = await fixture.CreateNamespaceAsync("step3");
        var bare = await fixture.CreateNamespaceAsync("step3-bare");
        var kubeconfig = fixture.Environment.Kubeconfig;
        string InNs(string file, string name) =>
            File.ReadAllText(ControllerCluster.RepoFile(file)).Replace("namespace: default", $"namespace: {name}", StringComparison.Ordinal);

        await Kubectl.RunAsync(kubeconfig, InNs("manifests/examples/worker.yaml", ns), "apply", "-f", "-");
        await Kubectl.RunAsync(kubeconfig, string.Empty, "-n", ns, "create", "rolebinding", "worker-pushes-metrics", "--clusterrole=autoscaler-metrics-pusher", $"--serviceaccount={ns}:worker", "--dry-run=server");
        await Kubectl.RunAsync(kubeconfig, InNs("manifests/adapter/90-example-hpa-v2beta2.yaml", ns), "apply", "-f", "-");
        await Kubectl.RunAsync(kubeconfig, InNs("manifests/adapter/90-example-hpa-v2beta2.yaml", bare), "apply", "-f", "-");
        Assert.Equal("worker", (await Kubectl.RunAsync(kubeconfig, string.Empty, "-n", ns, "get", "serviceaccount", "worker", "-o", "jsonpath={.metadata.name}")).Trim());

        async Task<string> AbleToScale(string name, string expected) =>
            await Eventually.Async($"HPA {name}/worker's AbleToScale condition {expected}", async seen =>
            {
                // kubectl's jsonpath filter fails while status.conditions is still null, so the JSON is read here.
                using var hpa = JsonDocument.Parse(await Kubectl.RunAsync(kubeconfig, string.Empty, "-n", name, "get", "horizontalpodautoscalers.v2beta2.autoscaling", "worker", "-o", "json"));
                var text = hpa.RootElement.GetProperty("status").TryGetProperty("conditions", out var conditions) && conditions.ValueKind == JsonValueKind.Array
                    ? conditions.EnumerateArray().Where(c => c.GetProperty("type").GetString() == "AbleToScale")
                        .Select(c => $"{c.GetProperty("status").GetString()}/{c.GetProperty("reason").GetString()}").FirstOrDefault() ?? string.Empty
                    : string.Empty;
                seen(text.Length == 0 ? "no AbleToScale condition yet" : text);
                return text.StartsWith(expected, StringComparison.Ordinal) ? text : null;
            }, TimeSpan.FromSeconds(90));

        Assert.Equal("True/SucceededGetScale", await AbleToScale(ns, "True"));
        Assert.Equal("False/FailedGetScale", await AbleToScale(bare, "False"));
    }
}
