namespace Autoscaler.Kubernetes.Models;

/// <summary>A structured label selector (metav1.LabelSelector).</summary>
public sealed class LabelSelector : KubernetesModel
{
    /// <summary>Labels that must all match exactly.</summary>
    public IDictionary<string, string>? MatchLabels { get; set; }

    /// <summary>Set-based requirements, all of which must match.</summary>
    public IList<LabelSelectorRequirement>? MatchExpressions { get; set; }
}
