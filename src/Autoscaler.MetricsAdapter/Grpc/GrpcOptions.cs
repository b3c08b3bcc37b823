using System.Net;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Options of the gRPC endpoint (push service, KEDA's external scaler and health): HTTP/2 over TLS (ALPN
/// <c>h2</c>) with its own certificate (<see cref="CertificateFile"/>) or else the adapter's serving certificate, or
/// cleartext HTTP/2 (h2c) where <see cref="UsesTls"/> says so.</summary>
public sealed class GrpcOptions
{
    /// <summary>Port of the dedicated HTTP/2-only endpoint. Default 50051; 0 disables the listener.</summary>
    public int Port { get; set; } = 50051;

    /// <summary>Address to bind. Default <c>127.0.0.1</c>; the Deployment sets <c>0.0.0.0</c> so pods can push.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Largest accepted request message, after decompression. Default 4 MiB (the gRPC libraries' default).</summary>
    public int MaxReceiveMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>TLS on the push port. Default <see cref="GrpcTlsMode.Auto"/>.</summary>
    public GrpcTlsMode Tls { get; set; } = GrpcTlsMode.Auto;

    /// <summary>Client certificates on the TLS push port. Default <see cref="GrpcClientCertificateMode.Allow"/>.</summary>
    public GrpcClientCertificateMode ClientCertificate { get; set; } = GrpcClientCertificateMode.Allow;

    /// <summary>PEM certificate (chain) the gRPC port presents instead of the adapter's serving certificate, for example
    /// one issued for the push Service's name by another CA. Given together with <see cref="PrivateKeyFile"/>; re-read when
    /// the files change, every <c>--tls-reload-interval</c>, like the serving certificate. Empty (default): the serving
    /// certificate.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="CertificateFile"/>.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>True when the gRPC port has its own certificate files.</summary>
    public bool HasOwnCertificate => !string.IsNullOrEmpty(CertificateFile);

    /// <summary>
    /// Whether the push port speaks TLS: <see cref="GrpcTlsMode.On"/> yes, <see cref="GrpcTlsMode.Off"/> no;
    /// <see cref="GrpcTlsMode.Auto"/> yes when <paramref name="servingCertificateFile"/> is true (a certificate was
    /// configured for the cluster) or the port has its own certificate (<see cref="CertificateFile"/>), when
    /// <see cref="ListenAddress"/> is not a loopback address (pods and other hosts can
    /// reach it: a token must not cross the network in clear), or when client certificates are required.
    /// </summary>
    /// <param name="servingCertificateFile">True when <c>--tls-cert-file</c> is set.</param>
    public bool UsesTls(bool servingCertificateFile) => Tls switch
    {
        GrpcTlsMode.On => true,
        GrpcTlsMode.Off => false,
        _ => servingCertificateFile
            || HasOwnCertificate
            || ClientCertificate == GrpcClientCertificateMode.Require
            || !(IPAddress.TryParse(ListenAddress, out var address) && IPAddress.IsLoopback(address)),
    };

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535)
        {
            errors.Add($"Grpc:Port must be 0..65535 (got {Port})");
        }

        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            errors.Add($"Grpc:ListenAddress must be an IP address (got '{ListenAddress}')");
        }

        if (MaxReceiveMessageBytes <= 0)
        {
            errors.Add($"Grpc:MaxReceiveMessageBytes must be positive (got {MaxReceiveMessageBytes})");
        }

        if (Tls == GrpcTlsMode.Off && ClientCertificate == GrpcClientCertificateMode.Require)
        {
            errors.Add("Grpc:ClientCertificate=Require needs TLS on the push port, but Grpc:Tls=Off");
        }

        if (string.IsNullOrEmpty(CertificateFile) != string.IsNullOrEmpty(PrivateKeyFile))
        {
            errors.Add("Grpc:CertificateFile and Grpc:PrivateKeyFile must be given together");
        }

        RequireFile(errors, "Grpc:CertificateFile", CertificateFile);
        RequireFile(errors, "Grpc:PrivateKeyFile", PrivateKeyFile);
        if (Tls == GrpcTlsMode.Off && HasOwnCertificate)
        {
            errors.Add("Grpc:CertificateFile is set, but Grpc:Tls=Off serves no certificate; drop one of them");
        }

        if (!Enum.IsDefined(Tls) || !Enum.IsDefined(ClientCertificate))
        {
            errors.Add($"Grpc:Tls must be Auto, On or Off and Grpc:ClientCertificate Allow or Require (got {Tls}, {ClientCertificate})");
        }

        return errors;
    }

    private static void RequireFile(List<string> errors, string setting, string? path)
    {
        if (!string.IsNullOrEmpty(path) && !File.Exists(path))
        {
            errors.Add($"{setting}: file \"{path}\" does not exist");
        }
    }
}
