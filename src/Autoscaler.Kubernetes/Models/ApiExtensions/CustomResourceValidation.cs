using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoscaler.Kubernetes.Models;

/// <summary>The schema of a custom resource version.</summary>
public sealed class CustomResourceValidation : KubernetesModel
{
    /// <summary>An OpenAPI v3 schema, kept as JSON.</summary>
    [JsonPropertyName("openAPIV3Schema")]
    public JsonElement? OpenApiV3Schema { get; set; }
}
