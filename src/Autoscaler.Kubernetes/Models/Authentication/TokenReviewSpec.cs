namespace Autoscaler.Kubernetes.Models;

/// <summary>The token to review.</summary>
public sealed class TokenReviewSpec : KubernetesModel
{
    /// <summary>The bearer token.</summary>
    public string? Token { get; set; }

    /// <summary>Audiences the token must be valid for.</summary>
    public IList<string>? Audiences { get; set; }
}
