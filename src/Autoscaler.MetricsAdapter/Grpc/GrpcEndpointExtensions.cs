using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Maps the hand-written gRPC transport into endpoint routing.</summary>
public static class GrpcEndpointExtensions
{
    /// <summary>
    /// Maps <c>POST /{package.Service}/{Method}</c> to the gRPC dispatcher (push service, health). Unknown
    /// methods get UNIMPLEMENTED; non-gRPC content types get 415. Pair it with a Kestrel endpoint from
    /// <see cref="GrpcKestrelExtensions.ListenGrpc"/> (cleartext HTTP/2 needs an HTTP/2-only endpoint).
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder.</param>
    /// <returns>The convention builder, e.g. to add <c>RequireHost</c>.</returns>
    public static IEndpointConventionBuilder MapAutoscalerGrpc(this IEndpointRouteBuilder endpoints)
    {
        // Resolved per call: with the push source disabled there is no dispatcher, and gRPC paths answer 404.
        var dispatcher = endpoints.ServiceProvider.GetService<GrpcDispatcher>();
        var pattern = RoutePatternFactory.Parse(
            "/{grpcService}/{grpcMethod}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { ["grpcService"] = new GrpcServiceNameConstraint() });
        RequestDelegate handler = dispatcher is null
            ? context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            : dispatcher.HandleAsync;
        return endpoints.Map(pattern, handler).WithMetadata(new HttpMethodMetadata(["POST"])).WithDisplayName("gRPC");
    }
}
