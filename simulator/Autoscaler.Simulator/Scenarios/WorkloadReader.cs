namespace Autoscaler.Simulator.Scenarios;

/// <summary>Reads and validates the <c>workload</c> section.</summary>
internal static class WorkloadReader
{
    public static WorkloadModel? Read(YamlMap map, int minReplicas, string file, List<InputError> errors)
    {
        var before = errors.Count;
        var capacity = map.Double("capacityPerPod");
        var startup = map.Int("startupSeconds");
        var jitter = map.Int("startupJitterSeconds");
        var seed = map.Int("seed");
        var initial = map.Int("initialReplicas");
        var scale = map.Double("valueScale");
        var request = map.Int("cpuRequestMilli");
        var atCapacity = map.Int("cpuAtCapacityMilli");
        map.RejectUnknown();

        Check.Required(map, "capacityPerPod", capacity, errors, file);
        Check.Positive(map, "capacityPerPod", capacity);
        Check.Between(map, "startupSeconds", startup, 0, 86400);
        Check.Between(map, "startupJitterSeconds", jitter, 0, 86400);
        Check.AtLeast(map, "initialReplicas", initial, 0);
        Check.Positive(map, "valueScale", scale);
        Check.Positive(map, "cpuRequestMilli", request);
        Check.Positive(map, "cpuAtCapacityMilli", atCapacity);
        if (errors.Count > before) return null;

        return new WorkloadModel
        {
            CapacityPerPod = capacity!.Value,
            StartupSeconds = startup ?? 0,
            StartupJitterSeconds = jitter ?? 0,
            Seed = seed ?? 1,
            InitialReplicas = initial ?? minReplicas,
            ValueScale = scale ?? 1,
            CpuRequestMilli = request ?? 1000,
            CpuAtCapacityMilli = atCapacity ?? 1000,
        };
    }
}
