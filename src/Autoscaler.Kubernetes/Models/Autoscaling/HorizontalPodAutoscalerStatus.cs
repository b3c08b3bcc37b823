using System.Text.Json;

namespace Autoscaler.Kubernetes.Models;

/// <summary>Observed state of an HPA.</summary>
public sealed class HorizontalPodAutoscalerStatus : KubernetesModel
{
    /// <summary>Generation the controller last acted on.</summary>
    public long? ObservedGeneration { get; set; }

    /// <summary>When the HPA last scaled.</summary>
    public DateTimeOffset? LastScaleTime { get; set; }

    /// <summary>Replicas now.</summary>
    public int? CurrentReplicas { get; set; }

    /// <summary>Replicas the HPA last computed.</summary>
    public int DesiredReplicas { get; set; }

    /// <summary>Last read metric values, as sent by the server.</summary>
    public IList<JsonElement>? CurrentMetrics { get; set; }

    /// <summary>AbleToScale, ScalingActive and ScalingLimited.</summary>
    public IList<Condition>? Conditions { get; set; }
}
