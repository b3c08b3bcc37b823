using System.Text.Json.Nodes;
using Autoscaler.Kubernetes.Entities;
using k8s;

namespace Autoscaler.Calendar.Api;

/// <summary>
/// The JSON merge patch (RFC 7386) of the spec members the form owns. Objects merge key by key, so the members of
/// one-of objects (expectedLoad, targets) the form did not choose are sent as null to remove them; ramp and ceiling
/// (set by SREs in YAML) are left alone.
/// </summary>
public static class SpecPatch
{
    private static readonly string[] Owned = ["targets", "start", "end", "timeZone", "recurrence", "kind", "description", "expectedLoad", "leadTime"];

    /// <summary>The spec patch for <paramref name="spec"/>.</summary>
    public static JsonObject Build(ScalingEventSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var node = JsonNode.Parse(KubernetesJson.Serialize(spec))!.AsObject();
        var patch = new JsonObject();
        foreach (var name in Owned)
        {
            patch[name] = node.TryGetPropertyValue(name, out var value) ? value?.DeepClone() : null;
        }

        patch["expectedLoad"] = new JsonObject
        {
            ["multiplier"] = spec.ExpectedLoad.Multiplier,
            ["bumpPercent"] = spec.ExpectedLoad.BumpPercent,
            ["absoluteFloor"] = spec.ExpectedLoad.AbsoluteFloor,
        };
        patch["targets"] = new JsonObject
        {
            ["hpaNames"] = new JsonArray((spec.Targets.HpaNames ?? []).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["hpaSelector"] = null,
        };
        if (spec.Recurrence is { } r)
        {
            patch["recurrence"] = new JsonObject { ["schedule"] = r.Schedule, ["until"] = r.Until };
        }

        return patch;
    }
}
