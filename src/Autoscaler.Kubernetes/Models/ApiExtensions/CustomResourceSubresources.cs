using System.Text.Json;

namespace Autoscaler.Kubernetes.Models;

/// <summary>Which subresources a custom resource has.</summary>
public sealed class CustomResourceSubresources : KubernetesModel
{
    /// <summary>Present (as an empty object) to enable the status subresource.</summary>
    public JsonElement? Status { get; set; }

    /// <summary>Enables the scale subresource.</summary>
    public CustomResourceSubresourceScale? Scale { get; set; }
}
