using Autoscaler.Simulator.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Simulator.Manifests;

/// <summary>
/// Builds a <see cref="Scenario"/> from a user's own HPA manifest (autoscaling/v2 or v2beta2, exactly as in the
/// cluster) and a workload file holding what a manifest cannot say. The result is the same scenario the
/// equivalent scenario YAML gives, so a replay of either is byte for byte the same.
/// </summary>
/// <remarks>
/// Workload file: the scenario's <c>workload:</c> keys at the top level (or under <c>workload:</c>), an
/// optional <c>name</c> and <c>description</c>, and an optional <c>controller:</c> section with the
/// controller flags (<c>profile</c>, <c>syncPeriodSeconds</c>, <c>tolerance</c>, <c>downscaleStabilizationSeconds</c>,
/// <c>cpuInitializationPeriodSeconds</c>, <c>initialReadinessDelaySeconds</c>) and <c>metricDelaySeconds</c>.
/// </remarks>
internal static class HpaManifestLoader
{
    /// <summary>
    /// The scenario of the HPA in <paramref name="hpaFile"/>; a file holding a KEDA ScaledObject and no HPA is
    /// replayed as KEDA would (<see cref="Keda.ScaledObjectLoader"/>).
    /// </summary>
    public static Scenario Load(string hpaFile, string? hpaName, string workloadFile)
    {
        if (HpaDocumentFinder.Kinds(hpaFile) is { } kinds && !kinds.Contains(ManifestKind.Hpa.Kind) && kinds.Contains(ManifestKind.ScaledObject.Kind))
        {
            return Keda.ScaledObjectLoader.Load(hpaFile, hpaName, workloadFile);
        }

        var errors = new List<InputError>();
        var hpa = HpaDocumentFinder.Find(hpaFile, hpaName, errors);
        var workloadRoot = WorkloadRoot(workloadFile, errors);
        if (hpa is null || workloadRoot is null) throw new InputErrorException(errors);

        var top = new YamlMap(hpa, hpaFile, string.Empty, errors);
        var spec = top.Map("spec");
        if (spec is null)
        {
            errors.Add(new InputError(hpaFile, top.Line, "spec", "required"));
            throw new InputErrorException(errors);
        }

        var before = errors.Count;
        spec.Has("scaleTargetRef"); // the workload file stands for the target
        var min = spec.Int("minReplicas");
        var max = spec.Int("maxReplicas");
        var metrics = spec.List("metrics");
        var hasBehavior = spec.Has("behavior");
        var behaviorMap = spec.Map("behavior");
        spec.RejectUnknown();
        ControllerFlags.CheckReplicas(spec, min, max, errors, hpaFile);
        var behavior = hasBehavior ? BehaviorReader.Read(behaviorMap, hpaFile, errors) : null;

        var (name, description, workload, flags, delay) = ReadWorkloadFile(workloadRoot, workloadFile, min ?? 1, errors);
        var metric = ManifestMetricReader.Read(spec, metrics, delay);
        if (errors.Count > before || metric is null || workload is null || max is null) throw new InputErrorException(errors);

        return new Scenario
        {
            Name = name ?? HpaDocumentFinder.Name(hpa),
            Description = description,
            Workload = workload,
            Hpa = flags.ToHpa(min ?? 1, max.Value, metric, behavior),
        };
    }

    /// <summary>The workload file's top mapping; null with the problem in <paramref name="errors"/>.</summary>
    internal static YamlMappingNode? WorkloadRoot(string workloadFile, List<InputError> errors)
    {
        var documents = YamlFile.Load(workloadFile, "workload", errors);
        if (documents is null) return null;
        if (documents.Count > 0 && documents[0].RootNode is YamlMappingNode root) return root;
        errors.Add(new InputError(workloadFile, 0, string.Empty, "expected a mapping with the workload keys (capacityPerPod, ...)"));
        return null;
    }

    /// <summary>The workload file's name, description, workload keys, controller flags and metric delay.</summary>
    internal static (string? Name, string? Description, WorkloadModel? Workload, ControllerFlags Flags, int Delay) ReadWorkloadFile(
        YamlMappingNode root, string file, int minReplicas, List<InputError> errors)
    {
        var top = new YamlMap(root, file, string.Empty, errors);
        var name = top.String("name");
        var description = top.String("description");
        var controller = top.Map("controller");
        var nested = top.Map("workload");
        WorkloadModel? workload;
        if (nested is not null)
        {
            top.RejectUnknown();
            workload = WorkloadReader.Read(nested, minReplicas, file, errors);
        }
        else
        {
            workload = WorkloadReader.Read(top, minReplicas, file, errors);
        }

        var flags = controller is null ? new ControllerFlags() : ControllerFlags.Read(controller);
        var delay = controller?.Int("metricDelaySeconds");
        if (controller is not null)
        {
            Check.Between(controller, "metricDelaySeconds", delay, 0, 3600);
            controller.RejectUnknown();
        }

        return (name, description, workload, flags, delay ?? 0);
    }
}
