using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Grpc.HealthCheck;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>Registers KEDA's external scaler service on the gRPC port.</summary>
public static partial class KedaServiceCollectionExtensions
{
    /// <summary>Serves <c>externalscaler.ExternalScaler</c> (GetMetricSpec, GetMetrics, IsActive, StreamIsActive) from
    /// the registered metric sources, on the same HTTP/2 port as the push service (TLS or h2c, see <c>GrpcOptions.UsesTls</c>); reported SERVING by the
    /// gRPC health service once created. Every call is authorized by <see cref="KedaReadAuthorizer"/> per <c>Keda:Authentication</c>. <see cref="KedaOptions"/> come from <paramref name="section"/> (validated at start).</summary>
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
        services.TryAddSingleton(CreateAuthorizer);
        return services.AddGrpcServiceEndpoint(sp =>
        {
            sp.GetRequiredService<HealthServiceImpl>().SetStatus(KedaExternalScalerService.Name, ServingStatus.Serving);
            return ActivatorUtilities.CreateInstance<KedaExternalScalerService>(sp);
        });
    }

    private static KedaReadAuthorizer CreateAuthorizer(IServiceProvider sp)
    {
        var mode = sp.GetRequiredService<IOptions<KedaOptions>>().Value.Authentication;
        if (!PushAuthorizationServiceCollectionExtensions.IsOn(sp, mode, "Keda:Authentication"))
        {
            LogOpen(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KedaReadAuthorizer)), mode);
            return KedaReadAuthorizer.Open;
        }

        return new KedaReadAuthorizer(ActivatorUtilities.CreateInstance<GrpcCallAuthorizer>(
            sp, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KedaReadAuthorizer))));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "KEDA read authentication is off (Keda:Authentication={Mode}): anyone who reaches the gRPC port can read any external metric through the external scaler")]
    private static partial void LogOpen(ILogger logger, PushAuthenticationMode mode);

    private sealed class KedaValidation : IValidateOptions<KedaOptions>
    {
        public ValidateOptionsResult Validate(string? name, KedaOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
