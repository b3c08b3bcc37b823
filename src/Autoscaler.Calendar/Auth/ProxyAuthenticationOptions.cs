using Microsoft.AspNetCore.Authentication;

namespace Autoscaler.Calendar.Auth;

/// <summary>
/// Which requests may assert a user through headers: those from the authenticating proxy, proven by a shared secret
/// header or a client certificate issued by <see cref="ProxyClientCaFile"/> (and named in <see cref="ProxyClientNames"/>).
/// Configuration section <c>Calendar:Auth</c>.
/// </summary>
public sealed class ProxyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Header carrying the user name.</summary>
    public string UserHeader { get; set; } = "X-Remote-User";

    /// <summary>Header carrying groups (repeated, or comma-separated).</summary>
    public string GroupHeader { get; set; } = "X-Remote-Group";

    /// <summary>Header carrying the shared secret.</summary>
    public string SecretHeader { get; set; } = "X-Proxy-Secret";

    /// <summary>The shared secret (at least 16 characters) the proxy sends; null disables this proof. Never shown in pages.</summary>
    public string? SharedSecret { get; set; }

    /// <summary>PEM file of the CA that issues the proxy's client certificate; null disables this proof.</summary>
    public string? ProxyClientCaFile { get; set; }

    /// <summary>
    /// For running on a laptop only: requests from a loopback address that carry no other identity are this user. Never
    /// set it in a deployment (a proxy on the same host would connect from loopback too). Null disables it.
    /// </summary>
    public string? LocalUser { get; set; }

    /// <summary>Groups of <see cref="LocalUser"/>.</summary>
    public IList<string> LocalGroups { get; } = [];

    /// <summary>Accepted subject common names of the proxy's client certificate (any name from the CA when empty).</summary>
    public IList<string> ProxyClientNames { get; } = [];
}
