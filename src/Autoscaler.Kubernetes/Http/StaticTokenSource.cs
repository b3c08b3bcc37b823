namespace Autoscaler.Kubernetes.Http;

/// <summary>A fixed token (or none).</summary>
internal sealed class StaticTokenSource(string? token) : ITokenSource
{
    public string? GetToken() => token;

    public bool Invalidate() => false;
}
