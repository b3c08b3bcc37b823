namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>Delegated authentication and authorization settings (defaults follow the Go library's).</summary>
public sealed class AuthOptions
{
    /// <summary>How long TokenReview answers are cached (positive and negative). Default 10 s.</summary>
    public TimeSpan TokenCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an allowing SubjectAccessReview is cached. Default 10 s.</summary>
    public TimeSpan AuthorizedCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a denying SubjectAccessReview is cached. Default 10 s.</summary>
    public TimeSpan UnauthorizedCacheTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Paths served without authentication or authorization; a trailing <c>/*</c> also matches sub-paths.</summary>
    public IList<string> AlwaysAllowPaths { get; } = ["/healthz", "/healthz/*", "/livez", "/livez/*", "/readyz", "/readyz/*"];

    /// <summary>Groups allowed without a SubjectAccessReview. Default <c>system:masters</c>, as in the Go library.</summary>
    public IList<string> AlwaysAllowGroups { get; } = [AuthenticatedUser.MastersGroup];

    /// <summary>
    /// Skips authentication and authorization entirely. For local development only: anyone who can reach the
    /// port can read every metric.
    /// </summary>
    public bool Disabled { get; set; }

    /// <summary>True when <paramref name="path"/> is served without authentication.</summary>
    public bool IsAlwaysAllowed(string path)
    {
        foreach (var p in AlwaysAllowPaths)
        {
            if (p.EndsWith("/*", StringComparison.Ordinal) ? path.StartsWith(p[..^1], StringComparison.Ordinal) : path == p)
            {
                return true;
            }
        }

        return false;
    }
}
