using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>Base of every model: keeps the fields a model does not name.</summary>
/// <remarks>
/// The models name only what this product uses. Unknown fields land here and are written back, so a
/// read-modify-write (GET then PUT) never drops what another client set.
/// </remarks>
public abstract class KubernetesModel
{
    /// <summary>Fields this model does not name, preserved across a read-modify-write.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
