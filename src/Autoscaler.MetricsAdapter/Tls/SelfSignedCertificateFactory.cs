using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Autoscaler.MetricsAdapter.Tls;

/// <summary>
/// Creates a self-signed serving certificate for local use (the apiserver library does the same when no
/// certificate is given). Being self-signed, the certificate is its own CA: put it in an APIService's
/// <c>caBundle</c> and include the <c>&lt;service&gt;.&lt;namespace&gt;.svc</c> name in its hosts.
/// </summary>
internal static class SelfSignedCertificateFactory
{
    public static X509Certificate2 Create(IEnumerable<string> hosts, DateTimeOffset now, TimeSpan validity)
    {
        var names = hosts.Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName($"CN={(names.FirstOrDefault(n => !IPAddress.TryParse(n, out _)) ?? "autoscaler-metrics-adapter")}@{now.ToUnixTimeSeconds()}");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var ip))
            {
                san.AddIpAddress(ip);
            }
            else
            {
                san.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Backdated a minute so a peer with a slightly slow clock accepts it at once.
        return request.CreateSelfSigned(now.AddMinutes(-1), now + validity);
    }

    /// <summary>Writes the certificate and key as PEM files (the key readable by the owner only).</summary>
    public static void WritePem(X509Certificate2 certificate, string certPath, string keyPath)
    {
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the certificate has no ECDSA private key");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
