namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>Supplies the current front-proxy trust material; null until it has been loaded once.</summary>
internal interface IAuthenticationTrustSource
{
    /// <summary>The current trust, or null when not loaded yet (readiness fails meanwhile).</summary>
    RequestHeaderTrust? Current { get; }

    /// <summary>Why the last load failed, for readiness output; null when fine.</summary>
    string? LastError { get; }
}
