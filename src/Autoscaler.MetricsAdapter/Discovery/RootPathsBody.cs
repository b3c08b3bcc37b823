namespace Autoscaler.MetricsAdapter.Discovery;

/// <summary>metav1.RootPaths: what <c>GET /</c> on a Kubernetes API server answers.</summary>
internal sealed class RootPathsBody
{
    /// <summary>The paths this server serves, sorted.</summary>
    public required IReadOnlyList<string> Paths { get; init; }
}
