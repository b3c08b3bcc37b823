using Autoscaler.MetricsAdapter.Grpc.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Maps the adapter's gRPC services (Grpc.AspNetCore) into endpoint routing.</summary>
public static class GrpcEndpointExtensions
{
    /// <summary>
    /// Maps <c>grpc.health.v1.Health</c> and every service registered with
    /// <see cref="GrpcServiceRegistration.AddGrpcServiceEndpoint{TService}"/> (push, KEDA). Grpc.AspNetCore answers
    /// unknown methods and services with UNIMPLEMENTED, non-gRPC content types with HTTP 415 and HTTP/1.x with 426.
    /// Without <see cref="GrpcServiceCollectionExtensions.AddGrpcTransport"/> (push source disabled) nothing is
    /// mapped. Pair it with a Kestrel endpoint from <see cref="GrpcKestrelExtensions.ListenGrpc"/> (an HTTP/2-only
    /// endpoint, TLS or cleartext).
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder.</param>
    public static void MapAutoscalerGrpc(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<GrpcHealthService>() is null)
        {
            return;
        }

        endpoints.MapGrpcService<GrpcHealthService>();
        foreach (var service in endpoints.ServiceProvider.GetServices<IGrpcServiceEndpoint>())
        {
            service.Map(endpoints);
        }
    }
}
