using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Autoscaler.MetricsAdapter.Tests.TestSupport;

/// <summary>A throwaway CA and client certificates signed by it, like a cluster's front-proxy CA.</summary>
internal sealed class TestCertificates
{
    private static readonly Lazy<TestCertificates> Shared = new(() => new TestCertificates());

    private TestCertificates()
    {
        Ca = CreateCa("front-proxy-ca");
        OtherCa = CreateCa("some-other-ca");
        FrontProxyClient = Issue(Ca, "front-proxy-client", [], clientAuth: true);
        WrongName = Issue(Ca, "not-the-proxy", [], clientAuth: true);
        NoClientAuth = Issue(Ca, "front-proxy-client", [], clientAuth: false);
        Untrusted = Issue(OtherCa, "front-proxy-client", [], clientAuth: true);
        OrdinaryClient = Issue(OtherCa, "alice", ["team-a", "team-b"], clientAuth: true);
        Stranger = Issue(CreateCa("stranger-ca"), "front-proxy-client", [], clientAuth: true);
    }

    public static TestCertificates Instance => Shared.Value;

    public X509Certificate2 Ca { get; }

    public X509Certificate2 OtherCa { get; }

    public X509Certificate2 FrontProxyClient { get; }

    public X509Certificate2 WrongName { get; }

    public X509Certificate2 NoClientAuth { get; }

    public X509Certificate2 Untrusted { get; }

    public X509Certificate2 OrdinaryClient { get; }

    /// <summary>Signed by a CA nobody trusts.</summary>
    public X509Certificate2 Stranger { get; }

    public static X509Certificate2 CreateCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    public static X509Certificate2 Issue(X509Certificate2 ca, string cn, string[] organizations, bool clientAuth)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = $"CN={cn}" + string.Concat(organizations.Select(o => $", O={o}"));
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(clientAuth ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMonths(6), serial);
        return issued.CopyWithPrivateKey(key);
    }
}
