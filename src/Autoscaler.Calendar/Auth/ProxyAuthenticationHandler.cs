using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Autoscaler.Calendar.Auth;

/// <summary>
/// Authenticates a request in one of two ways: (1) a Kubernetes bearer token, checked with a TokenReview; (2) the
/// user and group headers of the authenticating proxy, trusted only when the request proves it comes from the proxy
/// (the shared secret header, or a client certificate from the proxy CA). User headers without that proof fail
/// (401), so a client that reaches the app directly cannot name itself.
/// </summary>
public sealed class ProxyAuthenticationHandler : AuthenticationHandler<ProxyAuthenticationOptions>
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "CalendarProxy";

    /// <summary>Method claim value for the proxy headers.</summary>
    public const string ProxyMethod = "proxy";

    /// <summary>Method claim value for <see cref="ProxyAuthenticationOptions.LocalUser"/> (a laptop run).</summary>
    public const string LocalMethod = "local";

    /// <summary>Method claim value for a bearer token.</summary>
    public const string TokenMethod = "token";

    private readonly ITokenReviewer _tokens;

    /// <summary>Creates the handler.</summary>
    public ProxyAuthenticationHandler(IOptionsMonitor<ProxyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, ITokenReviewer tokens)
        : base(options, logger, encoder) => _tokens = tokens;

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var user = await _tokens.ReviewAsync(authorization["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
            return user is null
                ? AuthenticateResult.Fail("the bearer token was not accepted by the API server's TokenReview")
                : Success(user);
        }

        var name = Request.Headers[Options.UserHeader].ToString();
        if (name.Length == 0)
        {
            return Options.LocalUser is { Length: > 0 } local && Context.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                ? Success(new CalendarUser(local, Options.LocalGroups.ToList(), LocalMethod))
                : AuthenticateResult.NoResult();
        }

        if (!FromProxy())
        {
            return AuthenticateResult.Fail($"{Options.UserHeader} came from a sender that is not the authenticating proxy (no valid shared secret or proxy client certificate)");
        }

        var groups = Request.Headers[Options.GroupHeader]
            .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Success(new CalendarUser(name, groups, ProxyMethod));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Response.WriteAsJsonAsync(new { error = "not authenticated: come through the sign-in proxy, or send a Kubernetes bearer token" });
    }

    private AuthenticateResult Success(CalendarUser user) =>
        AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(SchemeName), SchemeName));

    private bool FromProxy()
    {
        if (Options.SharedSecret is { Length: >= 16 } secret)
        {
            var sent = Encoding.UTF8.GetBytes(Request.Headers[Options.SecretHeader].ToString());
            if (CryptographicOperations.FixedTimeEquals(sent, Encoding.UTF8.GetBytes(secret))) return true;
        }

        return Context.Connection.ClientCertificate is { } certificate && Options.ProxyClientCaFile is { } caFile && IssuedByProxyCa(certificate, caFile);
    }

    private bool IssuedByProxyCa(X509Certificate2 certificate, string caFile)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.ImportFromPemFile(caFile);
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        if (!chain.Build(certificate)) return false;
        var cn = certificate.GetNameInfo(X509NameType.SimpleName, false);
        return Options.ProxyClientNames.Count == 0 || Options.ProxyClientNames.Contains(cn);
    }
}
