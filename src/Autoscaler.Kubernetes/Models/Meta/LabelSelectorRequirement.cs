namespace Autoscaler.Kubernetes.Models;

/// <summary>One set-based label requirement.</summary>
public sealed class LabelSelectorRequirement : KubernetesModel
{
    /// <summary>The label key.</summary>
    public string? Key { get; set; }

    /// <summary>In, NotIn, Exists or DoesNotExist.</summary>
    public string? Operator { get; set; }

    /// <summary>Values for In and NotIn.</summary>
    public IList<string>? Values { get; set; }
}
