using System.Text.Json;

namespace Autoscaler.Kubernetes.Models;

/// <summary>One field manager's ownership record in metadata.managedFields.</summary>
public sealed class ManagedFieldsEntry : KubernetesModel
{
    /// <summary>The field manager name.</summary>
    public string? Manager { get; set; }

    /// <summary>Apply or Update.</summary>
    public string? Operation { get; set; }

    /// <summary>Version of the object the fields refer to.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Subresource the fields were written through, when not the main resource.</summary>
    public string? Subresource { get; set; }

    /// <summary>The owned field set in the fieldsV1 format.</summary>
    public JsonElement? FieldsV1 { get; set; }
}
