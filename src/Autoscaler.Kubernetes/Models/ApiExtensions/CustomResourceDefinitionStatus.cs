namespace Autoscaler.Kubernetes.Models;

/// <summary>Observed state of a CRD.</summary>
public sealed class CustomResourceDefinitionStatus : KubernetesModel
{
    /// <summary>Established and NamesAccepted.</summary>
    public IList<Condition>? Conditions { get; set; }

    /// <summary>Names the server accepted.</summary>
    public CustomResourceDefinitionNames? AcceptedNames { get; set; }
}
