using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Kestrel listener for gRPC.</summary>
public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Adds the HTTP/2-only endpoint gRPC clients (pushers, KEDA) use. With <paramref name="serverCertificate"/>: TLS 1.2+
    /// with ALPN <c>h2</c>, the certificate read from the function at every handshake (so a reloaded serving certificate
    /// is used by new connections at once), client certificates requested or required per
    /// <see cref="GrpcOptions.ClientCertificate"/> and accepted as presented in the handshake: whether one chains to the
    /// client CA is decided per call by the push authorizer against the trust material of that moment. Without it:
    /// cleartext h2c (prior knowledge). A failed handshake closes only that connection. Does nothing when
    /// <see cref="GrpcOptions.Port"/> is 0.
    /// </summary>
    /// <param name="kestrel">Kestrel's options.</param>
    /// <param name="options">The gRPC options (address, port, client certificate mode).</param>
    /// <param name="serverCertificate">Returns the serving certificate, or null for a cleartext listener.</param>
    public static void ListenGrpc(this KestrelServerOptions kestrel, GrpcOptions options, Func<X509Certificate2?>? serverCertificate = null)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port == 0)
        {
            return;
        }

        kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.Port, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (serverCertificate is null)
            {
                return;
            }

            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificateSelector = (_, _) => serverCertificate(),
                ClientCertificateMode = options.ClientCertificate == GrpcClientCertificateMode.Require
                    ? ClientCertificateMode.RequireCertificate
                    : ClientCertificateMode.AllowCertificate,
                ClientCertificateValidation = (_, _, _) => true,
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                HandshakeTimeout = TimeSpan.FromSeconds(10),
            });
        });
    }
}
