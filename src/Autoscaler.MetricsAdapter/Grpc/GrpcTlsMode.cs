namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Whether the push port (<c>Grpc:Port</c>) speaks TLS (setting <c>Grpc:Tls</c>).</summary>
public enum GrpcTlsMode
{
    /// <summary>TLS when the adapter has a serving certificate file (<c>--tls-cert-file</c>), when the push address is not
    /// loopback, or when client certificates are required; cleartext only for a loopback listener without a certificate
    /// file (local development, where nothing leaves the host). See <see cref="GrpcOptions.UsesTls"/>.</summary>
    Auto,

    /// <summary>Always TLS, with the adapter's serving certificate (the generated self-signed one when no file is given).</summary>
    On,

    /// <summary>Cleartext HTTP/2 (h2c): bearer tokens travel in clear and client certificates cannot be presented. Only for
    /// a listener that no other host can reach (loopback, or a sidecar proxy in the pod that terminates TLS).</summary>
    Off,
}
