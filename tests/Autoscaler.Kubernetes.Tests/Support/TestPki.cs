using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Autoscaler.Kubernetes.Tests.Support;

/// <summary>Throw-away PEM material made in memory for configuration tests.</summary>
internal static class TestPki
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string, string)> Cache = new();

    // RSA key generation is slow on a loaded machine: one key pair per subject per test run.
    public static (string CertPem, string KeyPem) SelfSigned(string subject) => Cache.GetOrAdd(subject, Create);

    private static (string CertPem, string KeyPem) Create(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    public static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
}
