using Autoscaler.MetricsAdapter.Tls;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoscaler.MetricsAdapter.Tests.Tls;

public sealed class CertificateFileReloaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("adapter-tls-").FullName;

    [Fact]
    public void ReloadsWhenFilesChangeAndKeepsTheLastGoodPairOnError()
    {
        var cert = Path.Combine(_dir, "tls.crt");
        var key = Path.Combine(_dir, "tls.key");
        using var first = SelfSignedCertificateFactory.Create(["first.local"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        SelfSignedCertificateFactory.WritePem(first, cert, key);
        var target = new ServingCertificate();
        var reloader = new CertificateFileReloader(cert, key, TimeSpan.FromSeconds(1), target, TimeProvider.System, NullLogger<CertificateFileReloader>.Instance);

        reloader.LoadInitial();
        Assert.Equal(first.Thumbprint, target.Current!.Thumbprint);
        Assert.True(reloader.TryReload(out _));
        Assert.Equal(1, target.Generation);

        using var second = SelfSignedCertificateFactory.Create(["second.local"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        SelfSignedCertificateFactory.WritePem(second, cert, key);
        Assert.True(reloader.TryReload(out _));
        Assert.Equal(second.Thumbprint, target.Current!.Thumbprint);

        File.WriteAllText(key, "garbage");
        Assert.False(reloader.TryReload(out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Equal(second.Thumbprint, target.Current!.Thumbprint);
    }

    [Fact]
    public void InitialLoadFailureNamesTheFiles()
    {
        var reloader = new CertificateFileReloader(Path.Combine(_dir, "missing.crt"), Path.Combine(_dir, "missing.key"), TimeSpan.FromSeconds(1), new ServingCertificate(), TimeProvider.System, NullLogger<CertificateFileReloader>.Instance);
        var e = Assert.Throws<InvalidOperationException>(reloader.LoadInitial);
        Assert.Contains("missing.crt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfSignedCertificateCarriesTheRequestedNames()
    {
        using var c = SelfSignedCertificateFactory.Create(["adapter.metrics.svc", "10.123.0.1"], AdapterTestHost.Start, TimeSpan.FromDays(30));
        var san = c.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("adapter.metrics.svc", san.EnumerateDnsNames());
        Assert.Contains(System.Net.IPAddress.Parse("10.123.0.1"), san.EnumerateIPAddresses());
        Assert.True(c.HasPrivateKey);
        Assert.Equal(AdapterTestHost.Start.AddDays(30).UtcDateTime, c.NotAfter.ToUniversalTime());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
