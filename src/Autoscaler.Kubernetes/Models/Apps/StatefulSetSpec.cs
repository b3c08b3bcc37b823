namespace Autoscaler.Kubernetes.Models;

/// <summary>Desired state of a stateful set.</summary>
public sealed class StatefulSetSpec : KubernetesModel
{
    /// <summary>Desired replicas (the scale subresource writes this).</summary>
    public int? Replicas { get; set; }

    /// <summary>Selects the set's pods.</summary>
    public LabelSelector? Selector { get; set; }

    /// <summary>Governing headless service.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The pods to create.</summary>
    public PodTemplateSpec? Template { get; set; }
}
