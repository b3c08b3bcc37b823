using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Lets a source put its gRPC service on the gRPC port without the transport knowing the source.</summary>
internal static class GrpcServiceRegistration
{
    /// <summary>Registers <typeparamref name="TService"/> (a generated <c>...Base</c> subclass) as a singleton, unless
    /// one is registered already, and has <see cref="GrpcEndpointExtensions.MapAutoscalerGrpc"/> create and map it
    /// (created when mapped, so a factory that reports the service SERVING to the health service runs at start).</summary>
    /// <typeparam name="TService">The service implementation.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="factory">How to create the singleton, or null to construct it from the container.</param>
    public static IServiceCollection AddGrpcServiceEndpoint<TService>(this IServiceCollection services, Func<IServiceProvider, TService>? factory = null)
        where TService : class
    {
        if (factory is null)
        {
            services.TryAddSingleton<TService>();
        }
        else
        {
            services.TryAddSingleton(factory);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGrpcServiceEndpoint, Endpoint<TService>>());
        return services;
    }

    private sealed class Endpoint<TService> : IGrpcServiceEndpoint
        where TService : class
    {
        public void Map(IEndpointRouteBuilder endpoints)
        {
            endpoints.ServiceProvider.GetRequiredService<TService>();
            endpoints.MapGrpcService<TService>();
        }
    }
}
