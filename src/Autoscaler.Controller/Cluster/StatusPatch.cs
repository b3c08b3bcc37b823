using System.Text.Json.Nodes;
using k8s;

namespace Autoscaler.Controller.Cluster;

/// <summary>
/// Builds the JSON merge patch of a status: the controller's members as serialized by the client, plus explicit nulls
/// for the members it owns but left empty, so they are removed; members it does not own (the approval) are left out.
/// </summary>
public static class StatusPatch
{
    /// <summary>Builds the patch.</summary>
    /// <param name="status">The status as computed (null members are the ones to clear).</param>
    /// <param name="owned">JSON names of the members the controller owns.</param>
    /// <returns>The members to merge.</returns>
    public static JsonObject Build(object status, IEnumerable<string> owned)
    {
        ArgumentNullException.ThrowIfNull(owned);
        var node = JsonNode.Parse(KubernetesJson.Serialize(status))!.AsObject();
        var patch = new JsonObject();
        foreach (var name in owned)
        {
            patch[name] = node.TryGetPropertyValue(name, out var value) ? value?.DeepClone() : null;
        }

        return patch;
    }

    /// <summary>Applies a merge patch (RFC 7386) to a JSON object in place; used by the in-memory cluster and change detection.</summary>
    /// <param name="target">The object to change.</param>
    /// <param name="patch">The patch.</param>
    public static void Merge(JsonObject target, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
