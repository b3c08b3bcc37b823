using Autoscaler.MetricsAdapter.Grpc;
using Grpc.HealthCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>Registers KEDA's external scaler service on the gRPC port.</summary>
public static class KedaServiceCollectionExtensions
{
    /// <summary>Serves <c>externalscaler.ExternalScaler</c> (GetMetricSpec, GetMetrics, IsActive, StreamIsActive) from
    /// the registered metric sources, on the same HTTP/2 port as the push service (TLS or h2c, see <c>GrpcOptions.UsesTls</c>); reported SERVING by the
    /// gRPC health service once created. <see cref="KedaOptions"/> come from <paramref name="section"/> (validated at start).</summary>
    /// <param name="services">The service collection (the gRPC transport must be added too).</param>
    /// <param name="section">The <c>Keda</c> configuration section, or null for defaults.</param>
    public static IServiceCollection AddKedaExternalScaler(this IServiceCollection services, IConfiguration? section = null)
    {
        var options = services.AddOptions<KedaOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KedaOptions>, KedaValidation>());
        services.TryAddSingleton(TimeProvider.System);
        return services.AddGrpcServiceEndpoint(sp =>
        {
            sp.GetRequiredService<HealthServiceImpl>().SetStatus(KedaExternalScalerService.Name, ServingStatus.Serving);
            return ActivatorUtilities.CreateInstance<KedaExternalScalerService>(sp);
        });
    }

    private sealed class KedaValidation : IValidateOptions<KedaOptions>
    {
        public ValidateOptionsResult Validate(string? name, KedaOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
