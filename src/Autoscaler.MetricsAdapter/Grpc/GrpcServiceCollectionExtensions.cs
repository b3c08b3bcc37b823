using Autoscaler.MetricsAdapter.Grpc.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Registers the hand-written gRPC transport and the <c>grpc.health.v1</c> service.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the dispatcher, the health service, and <see cref="GrpcOptions"/> bound from
    /// <paramref name="section"/> (validated at start).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The <c>Grpc</c> configuration section, or null for defaults.</param>
    public static IServiceCollection AddGrpcTransport(this IServiceCollection services, IConfiguration? section = null)
    {
        var options = services.AddOptions<GrpcOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }

        options.ValidateOnStart();
        services.TryAddSingleton<IValidateOptions<GrpcOptions>>(new GrpcOptionsValidator());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrpcHealthRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGrpcService, GrpcHealthService>());
        services.TryAddSingleton<GrpcDispatcher>();
        return services;
    }

    private sealed class GrpcOptionsValidator : IValidateOptions<GrpcOptions>
    {
        public ValidateOptionsResult Validate(string? name, GrpcOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
