using Microsoft.AspNetCore.Routing;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>A gRPC service to map on the gRPC port (registered with <see cref="GrpcServiceRegistration.AddGrpcServiceEndpoint{TService}"/>).</summary>
internal interface IGrpcServiceEndpoint
{
    /// <summary>Maps the service's methods.</summary>
    void Map(IEndpointRouteBuilder endpoints);
}
