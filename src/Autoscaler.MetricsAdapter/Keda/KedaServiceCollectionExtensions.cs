using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Grpc.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServingStatus = Autoscaler.MetricsAdapter.Grpc.Health.Protocol.HealthCheckResponse.Types.ServingStatus;

namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>Registers KEDA's external scaler service on the gRPC transport.</summary>
public static class KedaServiceCollectionExtensions
{
    /// <summary>Serves <c>externalscaler.ExternalScaler</c> (GetMetricSpec, GetMetrics, IsActive) from the
    /// registered metric sources, on the same cleartext HTTP/2 port as the push service.</summary>
    /// <param name="services">The service collection (the gRPC transport must be added too).</param>
    public static IServiceCollection AddKedaExternalScaler(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGrpcService, KedaExternalScalerService>(sp =>
        {
            sp.GetRequiredService<GrpcHealthRegistry>().Set("externalscaler.ExternalScaler", ServingStatus.Serving);
            return ActivatorUtilities.CreateInstance<KedaExternalScalerService>(sp);
        }));
        return services;
    }
}
