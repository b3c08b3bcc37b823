namespace Autoscaler.Kubernetes.Models;

/// <summary>Desired state of an HPA.</summary>
public sealed class HorizontalPodAutoscalerSpec : KubernetesModel
{
    /// <summary>The workload whose scale subresource the HPA drives.</summary>
    public CrossVersionObjectReference? ScaleTargetRef { get; set; }

    /// <summary>Lower bound on replicas (default 1).</summary>
    public int? MinReplicas { get; set; }

    /// <summary>Upper bound on replicas.</summary>
    public int MaxReplicas { get; set; }

    /// <summary>Metrics the desired replica count is computed from.</summary>
    public IList<MetricSpec>? Metrics { get; set; }

    /// <summary>Scaling policies and stabilization windows.</summary>
    public HorizontalPodAutoscalerBehavior? Behavior { get; set; }
}
