using System.CommandLine;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Inputs;
using Autoscaler.Simulator.Keda;
using Autoscaler.Simulator.Manifests;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Replay;

/// <summary>
/// Where replay and compare take their scenarios from: scenario files, HPA manifests and KEDA ScaledObjects (the
/// last two with one workload file), and the replay range. Replay takes exactly one scenario; compare one or more.
/// </summary>
internal static class ScenarioSources
{
    /// <summary>The options; with <paramref name="several"/> the scenario and manifest options are repeatable.</summary>
    public static IEnumerable<Option> Options(bool several)
    {
        Option Source(string name, string valueName, string description) =>
            several ? VerbOption.Repeated(name, valueName, description + " Repeatable: each is one more scenario.") : VerbOption.Text(name, valueName, description);
        return
        [
            Source("--scenario", "YAML", "Workload model and HPA configuration (reference below); each needs a distinct name."),
            Source("--hpa", "MANIFEST", "Your HorizontalPodAutoscaler as in the cluster (autoscaling/v2 or v2beta2 YAML, quantities such as averageValue: 500m); its one metric is fed by the trace: External (AverageValue or Value) or Resource cpu Utilization; no metrics = cpu 80 %. Needs --workload."),
            Source("--keda", "MANIFEST", "Your KEDA ScaledObject as in the cluster (keda.sh/v1alpha1 YAML), replayed as KEDA runs it: the HPA it generates (min max(minReplicaCount,1), max maxReplicaCount, the trigger's threshold as target, advanced.horizontalPodAutoscalerConfig.behavior) plus activation: every pollingInterval, scale to zero after cooldownPeriod without activity and back when the metric exceeds the activation threshold. One trigger: prometheus, kafka, aws-sqs-queue, redis (the trace is its metric) or cpu. Needs --workload. (--hpa also accepts a ScaledObject.)"),
            VerbOption.Text("--hpa-name", "NAME", "The HPA (or ScaledObject) to take from a MANIFEST that holds several documents."),
            VerbOption.Text("--workload", "YAML", "With --hpa or --keda: the scenario's workload keys (capacityPerPod, startupSeconds, ...), an optional name, and an optional 'controller:' section (profile, syncPeriodSeconds, tolerance, downscaleStabilizationSeconds, cpuInitializationPeriodSeconds, initialReadinessDelaySeconds, metricDelaySeconds). The same HPA given as a scenario gives the same outputs, byte for byte."),
            VerbOption.Text("--from", "T", "Start of the replay (ISO-8601: 1998-06-10T00:00:00Z, or with an offset such as +02:00, converted to UTC; without an offset UTC is assumed and a note says so); default: the trace's start; at most one bucket before it. With --prometheus: required, the start of the range read."),
            VerbOption.Text("--to", "T", "End of the replay, exclusive (ISO-8601, as --from); default: the trace's end; at most one bucket after it. With --prometheus: required."),
        ];
    }

    /// <summary>One loader per scenario named on the command line; problems (none, too many, a manifest without its workload) go to <c>a.Errors</c>.</summary>
    public static List<Func<Scenario>> Loaders(OptionValues a, bool several)
    {
        var (scenarios, hpas, kedas) = (a.All("--scenario"), a.All("--hpa"), a.All("--keda"));
        var (name, workload) = (a.Single("--hpa-name"), a.Single("--workload"));
        var manifests = hpas.Count + kedas.Count;
        var count = scenarios.Count + manifests;
        if (several && count == 0) a.Errors.Add("option '--scenario' is required (give it once per scenario), or --hpa/--keda MANIFEST with --workload YAML");
        if (!several && count != 1) a.Errors.Add("give one of --scenario YAML, --hpa MANIFEST or --keda MANIFEST (the last two with --workload YAML)");
        if (manifests > 0 && workload is null) a.Errors.Add($"{(hpas.Count > 0 ? "--hpa" : "--keda")} needs --workload YAML (capacity per pod, startup time, ...: what a manifest cannot say)");
        if (manifests == 0 && (workload is not null || name is not null)) a.Errors.Add("--workload and --hpa-name go with --hpa or --keda");
        // A file given to the wrong option (an HPA to --scenario, a scenario to --hpa) gets one error naming the right one.
        return scenarios.Select(p => (Func<Scenario>)(() =>
            {
                KindHint.Require((p, "--scenario"));
                return ScenarioLoader.LoadFile(p);
            }))
            .Concat(hpas.Select(p => (Func<Scenario>)(() =>
            {
                KindHint.Require((p, "--hpa"), (workload, "--workload"));
                return HpaManifestLoader.Load(p, name, workload!);
            })))
            .Concat(kedas.Select(p => (Func<Scenario>)(() =>
            {
                KindHint.Require((p, "--keda"), (workload, "--workload"));
                return ScaledObjectLoader.Load(p, name, workload!);
            })))
            .ToList();
    }
}
