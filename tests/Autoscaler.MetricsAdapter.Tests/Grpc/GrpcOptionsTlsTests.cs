using Autoscaler.MetricsAdapter.Grpc;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>How <c>Grpc:Tls=Auto</c> resolves, the contradictory combinations, and the port's own certificate files.</summary>
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

    [Fact]
    public void Its_own_certificate_makes_auto_tls_on_a_loopback_listener()
    {
        var options = new GrpcOptions { ListenAddress = "127.0.0.1", CertificateFile = "grpc.crt", PrivateKeyFile = "grpc.key" };

        Assert.True(options.UsesTls(servingCertificateFile: false));
        Assert.False(new GrpcOptions { ListenAddress = "127.0.0.1" }.UsesTls(servingCertificateFile: false));
    }

    [Fact]
    public void Certificate_files_must_come_in_pairs_and_exist_each_error_naming_its_setting()
    {
        var alone = new GrpcOptions { CertificateFile = "/nonexistent/grpc.crt" }.Validate();
        var missing = new GrpcOptions { CertificateFile = "/nonexistent/grpc.crt", PrivateKeyFile = "/nonexistent/grpc.key" }.Validate();

        Assert.Contains("Grpc:CertificateFile and Grpc:PrivateKeyFile must be given together", alone);
        Assert.Contains("Grpc:CertificateFile: file \"/nonexistent/grpc.crt\" does not exist", alone);
        Assert.Equal(
            ["Grpc:CertificateFile: file \"/nonexistent/grpc.crt\" does not exist", "Grpc:PrivateKeyFile: file \"/nonexistent/grpc.key\" does not exist"],
            missing);
    }

    [Fact]
    public void Existing_certificate_files_are_valid_but_not_with_tls_off()
    {
        var certificate = Path.GetTempFileName();
        var key = Path.GetTempFileName();
        try
        {
            var on = new GrpcOptions { CertificateFile = certificate, PrivateKeyFile = key }.Validate();
            var off = new GrpcOptions { CertificateFile = certificate, PrivateKeyFile = key, Tls = GrpcTlsMode.Off }.Validate();

            Assert.Empty(on);
            Assert.Contains("Grpc:Tls=Off", Assert.Single(off), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(certificate);
            File.Delete(key);
        }
    }
}
