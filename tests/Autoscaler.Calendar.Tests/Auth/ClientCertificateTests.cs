using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.Calendar.Tests.Fakes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Autoscaler.Calendar.Tests.Auth;

public sealed class ClientCertificateTests : IDisposable
{
    private readonly string _caFile = Path.GetTempFileName();
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _otherCa;

    public ClientCertificateTests()
    {
        _ca = Ca("proxy-ca");
        _otherCa = Ca("someone-else");
        File.WriteAllText(_caFile, _ca.ExportCertificatePem());
    }

    public void Dispose()
    {
        File.Delete(_caFile);
        _ca.Dispose();
        _otherCa.Dispose();
    }

    [Theory]
    [InlineData("front-proxy", true, HttpStatusCode.OK)]
    [InlineData("not-the-proxy", true, HttpStatusCode.Unauthorized)]
    [InlineData("front-proxy", false, HttpStatusCode.Unauthorized)]
    public async Task User_headers_are_trusted_only_with_a_client_certificate_from_the_proxy_ca_and_name(string cn, bool fromProxyCa, HttpStatusCode expected)
    {
        await using var host = await CalendarHost.StartAsync(
            new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero),
            settings: new Dictionary<string, string> { ["Calendar:Auth:ProxyClientCaFile"] = _caFile, ["Calendar:Auth:ProxyClientNames:0"] = "front-proxy" });
        host.Rbac.Grant("pm", "shop", "list");
        using var client = Leaf(fromProxyCa ? _ca : _otherCa, cn);
        var context = await host.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/namespaces/shop/events";
            c.Request.Headers["X-Remote-User"] = "pm";
            c.Connection.ClientCertificate = client;
        });
        Assert.Equal((int)expected, context.Response.StatusCode);
    }

    private static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Leaf(X509Certificate2 issuer, string cn)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        using var issued = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), serial);
        return issued.CopyWithPrivateKey(key);
    }
}
