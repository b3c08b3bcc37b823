namespace Autoscaler.Kubernetes.Models;

/// <summary>The server's verdict on a token.</summary>
public sealed class TokenReviewStatus : KubernetesModel
{
    /// <summary>Whether the token is valid.</summary>
    public bool Authenticated { get; set; }

    /// <summary>The user the token belongs to.</summary>
    public UserInfo? User { get; set; }

    /// <summary>Audiences the token is valid for.</summary>
    public IList<string>? Audiences { get; set; }

    /// <summary>Why the review failed, if it did.</summary>
    public string? Error { get; set; }
}
