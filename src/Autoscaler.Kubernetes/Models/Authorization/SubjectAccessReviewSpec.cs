namespace Autoscaler.Kubernetes.Models;

/// <summary>Who wants to do what.</summary>
public sealed class SubjectAccessReviewSpec : KubernetesModel
{
    /// <summary>User name.</summary>
    public string? User { get; set; }

    /// <summary>Groups of the user.</summary>
    public IList<string>? Groups { get; set; }

    /// <summary>User id.</summary>
    public string? Uid { get; set; }

    /// <summary>Extra attributes of the user.</summary>
    public IDictionary<string, IList<string>>? Extra { get; set; }

    /// <summary>For resource requests.</summary>
    public ResourceAttributes? ResourceAttributes { get; set; }

    /// <summary>For non-resource paths.</summary>
    public NonResourceAttributes? NonResourceAttributes { get; set; }
}
