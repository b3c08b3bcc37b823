using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.Controller.History;

namespace Autoscaler.Controller.Tests.History;

/// <summary>--adapter-ca-file: the adapter's certificate must chain to the given CA and match the host name.</summary>
public sealed class AdapterHttpClientTests
{
    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        // X509Chain checks validity against the machine's clock, so the certificate is valid around it.
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public void A_certificate_is_accepted_only_when_it_chains_to_the_ca_file_and_its_name_matched()
    {
        using var adapter = SelfSigned("metrics-adapter.autoscaler.svc");
        using var other = SelfSigned("someone-else");

        Assert.True(AdapterHttpClient.Verify(adapter, SslPolicyErrors.RemoteCertificateChainErrors, [adapter]));
        Assert.True(AdapterHttpClient.Verify(adapter, SslPolicyErrors.None, [adapter]));
        Assert.False(AdapterHttpClient.Verify(adapter, SslPolicyErrors.RemoteCertificateChainErrors, [other]));
        Assert.False(AdapterHttpClient.Verify(adapter, SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateChainErrors, [adapter]));
    }
}
