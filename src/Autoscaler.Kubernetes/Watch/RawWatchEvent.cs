using System.Text.Json;

namespace Autoscaler.Kubernetes.Watch;

/// <summary>The wire shape of a watch event before the object is decoded by type.</summary>
internal sealed class RawWatchEvent
{
    public string? Type { get; set; }

    public JsonElement Object { get; set; }
}
