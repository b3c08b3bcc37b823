using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Sources.Push.History;
using Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;
using Autoscaler.MetricsAdapter.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Grpc.HealthCheck;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>Registers the push source: gRPC push service, SQLite store, retention pruning.</summary>
public static class PushSourceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the push source (the default source) unless <c>Push:Enabled</c> is false: options from the
    /// <c>Storage</c>, <c>Staleness</c>, <c>Grpc</c> and <c>RemoteWrite</c> sections (a remote-write sink when
    /// <c>RemoteWrite:Url</c> is set; with <c>RemoteWrite:Mode=Instead</c> no embedded store, no push read providers and no history endpoint), validated at start; the gRPC transport with
    /// <c>autoscaler.metrics.v1.MetricsPush</c> and <c>grpc.health.v1.Health</c>. Map the service with
    /// <see cref="GrpcEndpointExtensions.MapAutoscalerGrpc"/> and listen with <see cref="GrpcKestrelExtensions.ListenGrpc"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The root configuration.</param>
    public static IServiceCollection AddPushSource(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetValue("Push:Enabled", defaultValue: true))
        {
            return services;
        }

        services.AddOptions<PushOptions>().Bind(configuration.GetSection("Push")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PushOptions>, PushValidation>());
        services.AddOptions<SampleStoreOptions>().Bind(configuration.GetSection("Storage")).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SampleStoreOptions>, StoreValidation>());
        services.AddStalenessOptions(configuration);
        services.AddGrpcTransport(configuration.GetSection("Grpc"));
        services.AddOptions<RemoteWriteOptions>().Bind(configuration.GetSection("RemoteWrite")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemoteWriteOptions>, RemoteWriteValidation>());
        services.TryAddSingleton<ISampleStore>(sp =>
        {
            var storeOptions = sp.GetRequiredService<IOptions<SampleStoreOptions>>().Value;
            var remote = sp.GetRequiredService<IOptions<RemoteWriteOptions>>().Value;
            var local = remote is { Enabled: true, Mode: RemoteWriteMode.Instead }
                ? null
                : new SqliteSampleStore(storeOptions.DatabasePath, sp.GetRequiredService<TimeProvider>(), storeOptions.Limits);
            ISampleStore store = remote.Enabled ? new RemoteWriteSampleStore(local, new RemoteWriteClient(remote)) : local!;
            sp.GetRequiredService<HealthServiceImpl>().SetStatus(PushGrpcService.Name, ServingStatus.Serving);
            return store;
        });
        services.AddPushAuthorization();
        services.AddPushGrpcService();
        // RemoteWrite:Mode=Instead: no embedded store, so nothing to serve from here; the Prometheus source reads the values back.
        var remoteOnly = configuration["RemoteWrite:Url"] is { Length: > 0 }
            && string.Equals(configuration["RemoteWrite:Mode"], nameof(RemoteWriteMode.Instead), StringComparison.OrdinalIgnoreCase);
        if (!remoteOnly)
        {
            services.AddMetricSource<PushMetricsProvider>();
            services.AddMetricSource<PushPodMetricsProvider>();
            services.AddHostedService<StorePruningService>();
            services.AddPushHistory(configuration);
        }

        return services;
    }

    /// <summary>The push RPCs alone (<see cref="PushIngest"/> and <see cref="PushGrpcService"/>), for hosts that
    /// register the store and options themselves.</summary>
    internal static IServiceCollection AddPushGrpcService(this IServiceCollection services)
    {
        services.TryAddSingleton<PushIngest>();
        return services.AddGrpcServiceEndpoint<PushGrpcService>();
    }

    private sealed class PushValidation : IValidateOptions<PushOptions>
    {
        public ValidateOptionsResult Validate(string? name, PushOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private sealed class RemoteWriteValidation : IValidateOptions<RemoteWriteOptions>
    {
        public ValidateOptionsResult Validate(string? name, RemoteWriteOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private sealed class StoreValidation : IValidateOptions<SampleStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, SampleStoreOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
