using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>What a pushing client presented: its <c>Authorization</c> header and its TLS client certificate.</summary>
/// <param name="Authorization">The raw <c>Authorization</c> header (<c>Bearer &lt;token&gt;</c>), or null.</param>
/// <param name="ClientCertificate">The connection's client certificate, or null (always null on a cleartext port).</param>
public sealed record PushCredentials(string? Authorization, X509Certificate2? ClientCertificate)
{
    /// <summary>Reads the credentials of a call from its HTTP exchange (any gRPC transport on ASP.NET Core has one).</summary>
    /// <param name="http">The call's HTTP/2 exchange.</param>
    public static PushCredentials From(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var header = http.Request.Headers.Authorization.ToString();
        return new PushCredentials(header.Length == 0 ? null : header, http.Connection.ClientCertificate);
    }
}
