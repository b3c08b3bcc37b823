namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>Trust material fixed at start (from command-line files, or set by tests).</summary>
internal sealed class StaticTrustSource(RequestHeaderTrust? trust) : IAuthenticationTrustSource
{
    public RequestHeaderTrust? Current { get; set; } = trust;

    public string? LastError => Current is null ? "no trust material configured" : null;
}
