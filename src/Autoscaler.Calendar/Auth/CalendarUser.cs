using System.Security.Claims;

namespace Autoscaler.Calendar.Auth;

/// <summary>The authenticated caller as Kubernetes RBAC knows them: user name and groups.</summary>
/// <param name="Name">User name (from the proxy's user header or the TokenReview).</param>
/// <param name="Groups">Groups.</param>
/// <param name="Method"><see cref="ProxyAuthenticationHandler.ProxyMethod"/> or <see cref="ProxyAuthenticationHandler.TokenMethod"/>.</param>
public sealed record CalendarUser(string Name, IReadOnlyList<string> Groups, string Method)
{
    /// <summary>Claim type of a group.</summary>
    public const string GroupClaim = "group";

    /// <summary>Claim type of the authentication method.</summary>
    public const string MethodClaim = "auth_method";

    /// <summary>The user of an authenticated principal.</summary>
    public static CalendarUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new CalendarUser(
            principal.Identity?.Name ?? throw new InvalidOperationException("unauthenticated principal"),
            principal.FindAll(GroupClaim).Select(c => c.Value).ToList(),
            principal.FindFirst(MethodClaim)?.Value ?? ProxyAuthenticationHandler.ProxyMethod);
    }

    /// <summary>A principal for this user.</summary>
    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Name), new(MethodClaim, Method) };
        claims.AddRange(Groups.Select(g => new Claim(GroupClaim, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
