using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Kestrel listener for gRPC.</summary>
public static class GrpcKestrelExtensions
{
    /// <summary>Adds the cleartext HTTP/2-only (h2c, prior knowledge) endpoint gRPC clients and Kubernetes
    /// gRPC probes use. Does nothing when <see cref="GrpcOptions.Port"/> is 0.</summary>
    /// <param name="kestrel">Kestrel's options.</param>
    /// <param name="options">The gRPC options (address, port).</param>
    public static void ListenGrpc(this KestrelServerOptions kestrel, GrpcOptions options)
    {
        if (options.Port == 0)
        {
            return;
        }

        kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.Port, listen => listen.Protocols = HttpProtocols.Http2);
    }
}
