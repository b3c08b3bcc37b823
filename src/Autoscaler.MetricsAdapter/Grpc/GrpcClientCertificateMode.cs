namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>What the TLS push port asks of clients (setting <c>Grpc:ClientCertificate</c>).</summary>
public enum GrpcClientCertificateMode
{
    /// <summary>Requested, not required: a client may authenticate by a client certificate or by a bearer token.</summary>
    Allow,

    /// <summary>Required in the TLS handshake: a client without a certificate cannot connect (its call fails with
    /// <c>UNAVAILABLE</c> on the client's side). Whether the certificate chains to the client CA is still decided per call
    /// (<c>UNAUTHENTICATED</c> when it does not), against the trust material current at that moment.</summary>
    Require,
}
