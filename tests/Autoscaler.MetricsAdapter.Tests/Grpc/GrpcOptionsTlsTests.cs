using Autoscaler.MetricsAdapter.Grpc;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>How <c>Grpc:Tls=Auto</c> resolves, and the one contradictory combination.</summary>
public sealed class GrpcOptionsTlsTests
{
    [Theory]
    [InlineData(GrpcTlsMode.Auto, "127.0.0.1", false, GrpcClientCertificateMode.Allow, false)]
    [InlineData(GrpcTlsMode.Auto, "::1", false, GrpcClientCertificateMode.Allow, false)]
    [InlineData(GrpcTlsMode.Auto, "127.0.0.1", true, GrpcClientCertificateMode.Allow, true)]
    [InlineData(GrpcTlsMode.Auto, "0.0.0.0", false, GrpcClientCertificateMode.Allow, true)]
    [InlineData(GrpcTlsMode.Auto, "10.1.2.3", false, GrpcClientCertificateMode.Allow, true)]
    [InlineData(GrpcTlsMode.Auto, "127.0.0.1", false, GrpcClientCertificateMode.Require, true)]
    [InlineData(GrpcTlsMode.On, "127.0.0.1", false, GrpcClientCertificateMode.Allow, true)]
    [InlineData(GrpcTlsMode.Off, "0.0.0.0", true, GrpcClientCertificateMode.Allow, false)]
    public void Auto_is_tls_unless_a_loopback_listener_has_no_certificate_file(GrpcTlsMode mode, string address, bool certificateFile, GrpcClientCertificateMode clients, bool tls)
    {
        var options = new GrpcOptions { Tls = mode, ListenAddress = address, ClientCertificate = clients };

        Assert.Equal(tls, options.UsesTls(certificateFile));
    }

    [Fact]
    public void Required_client_certificates_with_tls_off_is_an_error_naming_both_settings()
    {
        var errors = new GrpcOptions { Tls = GrpcTlsMode.Off, ClientCertificate = GrpcClientCertificateMode.Require }.Validate();

        var error = Assert.Single(errors);
        Assert.Contains("Grpc:ClientCertificate=Require", error, StringComparison.Ordinal);
        Assert.Contains("Grpc:Tls=Off", error, StringComparison.Ordinal);
    }
}
