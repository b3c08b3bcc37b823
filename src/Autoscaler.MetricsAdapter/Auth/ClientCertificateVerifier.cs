using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// Verifies a client certificate chains to a given CA bundle with the clientAuth usage at the current time.
/// Results are cached per (certificate, trust generation) for a minute because chain building costs far
/// more than serving a cached metric; validity dates are still checked on every call.
/// </summary>
internal sealed class ClientCertificateVerifier(TimeProvider time)
{
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ExpiringCache<(string Thumbprint, long Generation, bool RequestHeader), bool> _cache = new(time, 1_000);

    public bool Verify(X509Certificate2 leaf, X509Certificate2Collection roots, long generation, bool requestHeader)
    {
        if (roots.Count == 0)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (now < leaf.NotBefore.ToUniversalTime() || now > leaf.NotAfter.ToUniversalTime())
        {
            return false;
        }

        var key = (leaf.GetCertHashString(HashAlgorithmName.SHA256), generation, requestHeader);
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthOid));
        var ok = chain.Build(leaf);
        _cache.Set(key, ok, CacheFor);
        return ok;
    }
}
