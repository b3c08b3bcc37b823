using System.Security.Cryptography.X509Certificates;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// Trust material for front-proxy authentication (§2.5.2): the requestheader CA bundle, allowed client
/// names and header names, plus the optional ordinary client CA. <see cref="Generation"/> changes on every
/// reload so verification caches never outlive the material they were computed from.
/// </summary>
internal sealed record RequestHeaderTrust(
    X509Certificate2Collection RequestHeaderCa,
    IReadOnlyList<string> AllowedNames,
    IReadOnlyList<string> UsernameHeaders,
    IReadOnlyList<string> GroupHeaders,
    IReadOnlyList<string> ExtraHeaderPrefixes,
    IReadOnlyList<string> UidHeaders,
    X509Certificate2Collection ClientCa,
    long Generation)
{
    public static readonly IReadOnlyList<string> DefaultUsernameHeaders = ["X-Remote-User"];
    public static readonly IReadOnlyList<string> DefaultGroupHeaders = ["X-Remote-Group"];
    public static readonly IReadOnlyList<string> DefaultExtraPrefixes = ["X-Remote-Extra-"];

    /// <summary>True when front-proxy authentication is configured (a CA is present).</summary>
    public bool RequestHeaderEnabled => RequestHeaderCa.Count > 0;
}
