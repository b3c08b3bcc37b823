using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.Kubernetes.Config;

namespace Autoscaler.Kubernetes.Http;

/// <summary>Builds the socket handler: client certificate, and trust in the configured CAs only.</summary>
internal static class HandlerFactory
{
    public static SocketsHttpHandler Create(KubernetesClientConfiguration config)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        if (config.ClientCertificate is { } cert)
        {
            handler.SslOptions.ClientCertificates = [cert];
        }

        if (!string.IsNullOrEmpty(config.TlsServerName))
        {
            handler.SslOptions.TargetHost = config.TlsServerName;
        }

        var cas = config.CertificateAuthorities;
        var insecure = config.InsecureSkipTlsVerify;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            insecure || IsTrusted(certificate, errors, cas);
        return handler;
    }

    internal static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection cas)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Only chain errors can be cured by our own roots; a wrong name or no certificate cannot.
        if (cas.Count == 0 || certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(cas);
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
