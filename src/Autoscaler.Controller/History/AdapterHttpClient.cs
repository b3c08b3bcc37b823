using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Autoscaler.Controller.History;

/// <summary>
/// The HTTP client the controller reads adapter history with: TLS verified against <c>--adapter-ca-file</c> (or the
/// system roots) and the <c>--adapter-token-file</c> token as bearer (<see cref="BearerTokenFileHandler"/>).
/// </summary>
public static class AdapterHttpClient
{
    /// <summary>Creates the client.</summary>
    /// <param name="caFile">PEM bundle of the CA(s) that sign the adapter's certificate; null uses the system roots.</param>
    /// <param name="tokenFile">Bearer token file; null sends no token.</param>
    /// <param name="time">Clock for token refreshes.</param>
    /// <param name="timeout">Per-request timeout.</param>
    public static HttpClient Create(string? caFile, string? tokenFile, TimeProvider time, TimeSpan timeout)
    {
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (caFile is not null)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            sockets.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null && Verify(new X509Certificate2(certificate), errors, roots);
        }

        HttpMessageHandler handler = tokenFile is null ? sockets : new BearerTokenFileHandler(tokenFile, time, sockets);
        return new HttpClient(handler) { Timeout = timeout };
    }

    /// <summary>
    /// True when <paramref name="certificate"/> chains to one of <paramref name="roots"/> and its name matched (the
    /// only error tolerated is the untrusted root, which the custom trust store decides).
    /// </summary>
    public static bool Verify(X509Certificate2 certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
