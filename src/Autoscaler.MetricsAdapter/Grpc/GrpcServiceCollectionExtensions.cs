using Autoscaler.MetricsAdapter.Grpc.Health;
using Grpc.AspNetCore.Server;
using Grpc.HealthCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Registers Grpc.AspNetCore with the adapter's limits and the <c>grpc.health.v1</c> service.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds Grpc.AspNetCore configured from <see cref="GrpcOptions"/> (bound from <paramref name="section"/>,
    /// validated at start): <c>MaxReceiveMessageSize</c> = <see cref="GrpcOptions.MaxReceiveMessageBytes"/>, checked
    /// from the message header before buffering, and the only compression provider is
    /// <see cref="BoundedGzipCompressionProvider"/> with the same limit after decompression (RESOURCE_EXHAUSTED);
    /// responses are not compressed; handler exceptions are UNKNOWN without details. Also the health service
    /// (Grpc.HealthCheck's <c>HealthServiceImpl</c>, <c>""</c> = SERVING; services register their names).
    /// </summary>
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
        services.AddGrpc();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GrpcServiceOptions>, LimitsFromGrpcOptions>());
        services.TryAddSingleton(_ =>
        {
            var health = new HealthServiceImpl();
            health.SetStatus(string.Empty, ServingStatus.Serving);
            return health;
        });
        services.TryAddSingleton<GrpcHealthService>();
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

    private sealed class LimitsFromGrpcOptions(IOptions<GrpcOptions> adapter) : IConfigureOptions<GrpcServiceOptions>
    {
        public void Configure(GrpcServiceOptions options)
        {
            var max = adapter.Value.MaxReceiveMessageBytes;
            options.MaxReceiveMessageSize = max;
            options.CompressionProviders = [new BoundedGzipCompressionProvider(max)];
            options.ResponseCompressionAlgorithm = null;
            options.EnableDetailedErrors = false;
        }
    }
}
