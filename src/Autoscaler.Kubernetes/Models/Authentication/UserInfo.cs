namespace Autoscaler.Kubernetes.Models;

/// <summary>An authenticated user.</summary>
public sealed class UserInfo : KubernetesModel
{
    /// <summary>User name.</summary>
    public string? Username { get; set; }

    /// <summary>User id.</summary>
    public string? Uid { get; set; }

    /// <summary>Groups.</summary>
    public IList<string>? Groups { get; set; }

    /// <summary>Extra attributes.</summary>
    public IDictionary<string, IList<string>>? Extra { get; set; }
}
