using Autoscaler.Simulator.Manifests;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Keda;

/// <summary>
/// Builds a <see cref="Scenario"/> from a KEDA ScaledObject (keda.sh/v1alpha1, as in the cluster) and a workload
/// file, replaying what KEDA does with it: the HPA it generates (minReplicas = max(minReplicaCount, 1), maxReplicas =
/// maxReplicaCount (default 100), the trigger as one metric, <c>advanced.horizontalPodAutoscalerConfig.behavior</c> as
/// the HPA's behavior) and its activation phase (<see cref="KedaModel"/>). Unsupported fields are errors naming
/// the file, line and field.
/// </summary>
internal static class ScaledObjectLoader
{
    /// <summary>KEDA's default <c>maxReplicaCount</c>.</summary>
    public const int DefaultMaxReplicaCount = 100;

    public static Scenario Load(string file, string? name, string workloadFile)
    {
        var errors = new List<InputError>();
        var scaledObject = HpaDocumentFinder.Find(file, name, ManifestKind.ScaledObject, errors);
        var workloadRoot = HpaManifestLoader.WorkloadRoot(workloadFile, errors);
        if (scaledObject is null || workloadRoot is null) throw new InputErrorException(errors);

        var top = new YamlMap(scaledObject, file, string.Empty, errors);
        if (top.Map("spec") is not { } spec)
        {
            errors.Add(new InputError(file, top.Line, "spec", "required"));
            throw new InputErrorException(errors);
        }

        var before = errors.Count;
        spec.Has("scaleTargetRef"); // the workload file stands for the target
        spec.Has("fallback"); // used only when the scaler fails; a trace has no scaler failures
        var polling = spec.Int("pollingInterval");
        var cooldown = spec.Int("cooldownPeriod");
        var initialCooldown = spec.Int("initialCooldownPeriod");
        var idle = spec.Int("idleReplicaCount");
        var min = spec.Int("minReplicaCount") ?? 0;
        var max = spec.Int("maxReplicaCount") ?? DefaultMaxReplicaCount;
        var advanced = spec.Map("advanced");
        var triggers = spec.List("triggers");
        spec.RejectUnknown();
        Check.Between(spec, "pollingInterval", polling, 1, 86_400);
        Check.AtLeast(spec, "cooldownPeriod", cooldown, 0);
        Check.AtLeast(spec, "initialCooldownPeriod", initialCooldown, 0);
        Check.AtLeast(spec, "minReplicaCount", min, 0);
        Check.AtLeast(spec, "maxReplicaCount", max, 1);
        if (min > max) spec.Error("minReplicaCount", $"minReplicaCount ({min}) must not exceed maxReplicaCount ({max})");
        if (idle is { } i && i != 0) spec.Error("idleReplicaCount", $"{i}: only 0 is supported (KEDA: other values do not work with the HPA)");
        else if (idle is not null && idle >= min) spec.Error("idleReplicaCount", $"must be less than minReplicaCount ({min})");
        var behavior = ReadAdvanced(advanced, file, errors);

        var (workloadName, description, workload, flags, delay) = HpaManifestLoader.ReadWorkloadFile(workloadRoot, workloadFile, Math.Max(min, 1), errors);
        var trigger = TriggerReader.Read(spec, triggers, delay);
        if (trigger is { Type: "cpu" } && min == 0 && idle is null)
        {
            spec.Error("minReplicaCount", "0 with only a cpu trigger: KEDA cannot scale to zero on CPU alone (set minReplicaCount to 1 or more)");
        }

        if (errors.Count > before || trigger is null || workload is null) throw new InputErrorException(errors);
        var (metric, type, metricName, activation, cached) = trigger.Value;
        return new Scenario
        {
            Name = workloadName ?? HpaDocumentFinder.Name(scaledObject),
            Description = description,
            Workload = workload,
            Hpa = flags.ToHpa(Math.Max(min, 1), max, metric, behavior),
            Keda = new KedaModel
            {
                TriggerType = type,
                MetricName = metricName,
                PollingIntervalSeconds = polling ?? 30,
                CooldownPeriodSeconds = cooldown ?? 300,
                InitialCooldownPeriodSeconds = initialCooldown ?? 0,
                MinReplicaCount = min,
                IdleReplicaCount = idle,
                ActivationThreshold = activation,
                UseCachedMetrics = cached,
            },
        };
    }

    private static BehaviorModel? ReadAdvanced(YamlMap? advanced, string file, List<InputError> errors)
    {
        if (advanced is null) return null;
        advanced.Has("restoreToOriginalReplicaCount"); // what happens when the ScaledObject is deleted: not replayed
        if (advanced.Has("scalingModifiers"))
        {
            advanced.Error("scalingModifiers", "not replayed: a formula composes several triggers' metrics, and the trace is one series");
        }

        var hpaConfig = advanced.Map("horizontalPodAutoscalerConfig");
        advanced.RejectUnknown();
        if (hpaConfig is null) return null;
        hpaConfig.String("name");
        var hasBehavior = hpaConfig.Has("behavior");
        var behavior = hpaConfig.Map("behavior");
        hpaConfig.RejectUnknown();
        return hasBehavior ? BehaviorReader.Read(behavior, file, errors) : null;
    }
}
