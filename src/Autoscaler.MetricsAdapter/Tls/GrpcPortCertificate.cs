namespace Autoscaler.MetricsAdapter.Tls;

/// <summary>
/// The gRPC port's own certificate (<c>Grpc:CertificateFile</c>/<c>Grpc:PrivateKeyFile</c>), registered only when those
/// are set: what the port presents (<see cref="Certificate"/>) and the reloader that keeps it current, the same polling
/// reloader as the serving certificate's. Without it the gRPC port presents the adapter's serving certificate.
/// </summary>
internal sealed class GrpcPortCertificate(ServingCertificate certificate, CertificateFileReloader reloader)
{
    /// <summary>The certificate new gRPC connections are served with.</summary>
    public ServingCertificate Certificate { get; } = certificate;

    /// <summary>Loads at start (<see cref="CertificateFileReloader.LoadInitial"/>) and polls afterwards (hosted).</summary>
    public CertificateFileReloader Reloader { get; } = reloader;
}
