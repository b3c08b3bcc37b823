using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Tests.TestSupport;

namespace Autoscaler.MetricsAdapter.Tests.Auth;

public sealed class TrustMaterialParserTests
{
    [Fact]
    public void ReadsTheConfigMapKeys()
    {
        var data = new Dictionary<string, string>
        {
            ["requestheader-client-ca-file"] = TestCertificates.Instance.Ca.ExportCertificatePem(),
            ["requestheader-allowed-names"] = "[\"front-proxy-client\"]",
            ["requestheader-username-headers"] = "[\"X-Remote-User\"]",
            ["requestheader-group-headers"] = "[\"X-Remote-Group\"]",
            ["requestheader-extra-headers-prefix"] = "[\"X-Remote-Extra-\"]",
            ["client-ca-file"] = TestCertificates.Instance.OtherCa.ExportCertificatePem(),
        };

        var trust = TrustMaterialParser.Parse(data, 7);

        Assert.Single(trust.RequestHeaderCa);
        Assert.Equal(["front-proxy-client"], trust.AllowedNames);
        Assert.Single(trust.ClientCa);
        Assert.Equal(7, trust.Generation);
        Assert.True(trust.RequestHeaderEnabled);
    }

    [Fact]
    public void AbsentKeysFallBackToDefaults()
    {
        var trust = TrustMaterialParser.Parse(new Dictionary<string, string> { ["requestheader-username-headers"] = "[]" }, 1);
        Assert.False(trust.RequestHeaderEnabled);
        Assert.Equal(RequestHeaderTrust.DefaultUsernameHeaders, trust.UsernameHeaders);
        Assert.Equal(RequestHeaderTrust.DefaultExtraPrefixes, trust.ExtraHeaderPrefixes);
        Assert.Empty(trust.AllowedNames);
    }

    [Theory]
    [InlineData("requestheader-allowed-names", "front-proxy-client")]
    [InlineData("requestheader-client-ca-file", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----")]
    [InlineData("client-ca-file", "hello")]
    public void BadValuesNameTheKey(string key, string value)
    {
        var e = Assert.Throws<FormatException>(() => TrustMaterialParser.Parse(new Dictionary<string, string> { [key] = value }, 1));
        Assert.StartsWith(key, e.Message, StringComparison.Ordinal);
    }
}
