using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.Kubernetes.Http;

namespace Autoscaler.Kubernetes.Tests.Http;

public sealed class ServerTrustTests
{
    private static X509Certificate2 Ca(string name, out RSA key)
    {
        key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Leaf(X509Certificate2 ca)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=kube-apiserver", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
    }

    [Fact]
    public void Only_a_chain_to_a_configured_ca_is_trusted_and_a_name_mismatch_never_is()
    {
        using var ca = Ca("cluster-ca", out var caKey);
        using var other = Ca("other-ca", out var otherKey);
        using var leaf = Leaf(ca);
        using (caKey)
        using (otherKey)
        {
            Assert.True(HandlerFactory.IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [ca]));
            Assert.False(HandlerFactory.IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors, [other]));
            Assert.False(HandlerFactory.IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors, []));
            Assert.False(HandlerFactory.IsTrusted(leaf, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, [ca]));
            Assert.False(HandlerFactory.IsTrusted(null, SslPolicyErrors.RemoteCertificateNotAvailable, [ca]));
            Assert.True(HandlerFactory.IsTrusted(leaf, SslPolicyErrors.None, []));
        }
    }
}
