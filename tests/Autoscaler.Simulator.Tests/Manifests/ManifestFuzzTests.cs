using Autoscaler.Fuzzing;
using Autoscaler.Simulator.Keda;
using Autoscaler.Simulator.Manifests;
using Autoscaler.Simulator.Tests.Fuzz;
using Xunit.Abstractions;

namespace Autoscaler.Simulator.Tests.Manifests;

/// <summary>
/// Hostile HPA manifests, KEDA ScaledObjects and workload files (issue #15), seeded: each mutation, written to a
/// file as <c>--hpa</c>/<c>--keda</c>/<c>--workload</c> give it, loads or is refused with input errors naming the file.
/// </summary>
public sealed class ManifestFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Tokens =
    [
        "apiVersion: autoscaling/v2beta2", "kind: ScaledObject", "kind: HorizontalPodAutoscaler", "---\n", "type: Resource", "type: Pods", "type: Object",
        "averageUtilization: ", "averageValue: ", "value: ", "threshold: ", "activationThreshold: ", "type: cpu", "type: kafka", "selectPolicy: Disabled",
        "periodSeconds: ", "stabilizationWindowSeconds: ", "idleReplicaCount: ", "scalingModifiers: {}",
    ];

    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_corpus_is_valid()
    {
        var (hpa, keda, workload) = (Write("hpa.yaml", SimulatorCorpus.Hpa), Write("so.yaml", SimulatorCorpus.ScaledObject), Write("w.yaml", SimulatorCorpus.Workload));
        HpaManifestLoader.Load(hpa, null, workload);
        ScaledObjectLoader.Load(keda, null, workload);
    }

    [Fact]
    public void Seed_0x150401_1500_hostile_hpa_manifests_and_scaled_objects_load_or_are_refused_with_input_errors()
    {
        var workload = Write("workload.yaml", SimulatorCorpus.Workload);
        var mutator = new SeededMutator(0x15_0401, [SimulatorCorpus.Hpa, SimulatorCorpus.ScaledObject], Tokens);
        var (accepted, refused) = FuzzRun.Cases(mutator, 1_500, text => HpaManifestLoader.Load(Write("manifest.yaml", text), mutator.Pick(4) == 0 ? "web" : null, workload),
            SimulatorCorpus.IsInputError, output, "hpa/keda manifest");
        Assert.True(accepted > 15 && refused > 150, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void Seed_0x150402_1000_hostile_workload_files_load_or_are_refused_with_input_errors()
    {
        var (hpa, keda) = (Write("hpa.yaml", SimulatorCorpus.Hpa), Write("so.yaml", SimulatorCorpus.ScaledObject));
        var mutator = new SeededMutator(0x15_0402, [SimulatorCorpus.Workload], ["capacityPerPod: ", "startupSeconds: ", "startupJitterSeconds: ", "seed: ", "valueScale: ", "profile: v1.20", "workload:"]);
        var (accepted, refused) = FuzzRun.Cases(mutator, 1_000, text =>
        {
            var workload = Write("workload.yaml", text);
            if (mutator.Pick(2) == 0) HpaManifestLoader.Load(hpa, null, workload);
            else ScaledObjectLoader.Load(keda, null, workload);
        }, SimulatorCorpus.IsInputError, output, "workload yaml");
        Assert.True(accepted > 10 && refused > 100, $"{accepted} accepted, {refused} refused");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text)); // lone surrogates become U+FFFD, as an editor would save them
        return path;
    }
}
