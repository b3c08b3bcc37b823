namespace Autoscaler.Kubernetes.Http;

/// <summary>Supplies the bearer token for each request.</summary>
internal interface ITokenSource
{
    /// <summary>The current token, or null to send none.</summary>
    string? GetToken();

    /// <summary>Forgets a cached token after a 401, so the next request re-reads it. False when nothing can change.</summary>
    bool Invalidate();
}
