using System.Text.Json;

namespace Autoscaler.Kubernetes.Models;

/// <summary>A custom resource with spec and status kept as JSON (use your own typed model through KubernetesClient.For when you have one).</summary>
public sealed class CustomObject : KubernetesObject
{
    /// <summary>The spec, as JSON.</summary>
    public JsonElement? Spec { get; set; }

    /// <summary>The status, as JSON.</summary>
    public JsonElement? Status { get; set; }
}
