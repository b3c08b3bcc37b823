using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Informers;
using Autoscaler.MetricsAdapter.Providers;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Floors;

/// <summary>Registers the pre-scale floor source when <c>Floors:Enabled</c> is true.</summary>
public static class FloorSourceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>autoscaler_prescale_floor</c>: a PredictivePolicy informer (cluster-wide, or <c>Floors:Namespace</c>)
    /// on the adapter's Kubernetes client and the source reading it. Needs a cluster (<c>--kubeconfig</c> or
    /// in-cluster) and get/list/watch on <c>predictivepolicies.autoscaling.autoscaler.dev</c>
    /// (manifests/adapter/15-rbac-floors.yaml). Register it before the other sources so a pushed series of the same
    /// name cannot shadow the controller's floor.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The root configuration.</param>
    public static IServiceCollection AddPrescaleFloorSource(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("Floors").Get<FloorOptions>() ?? new FloorOptions();
        if (!options.Enabled)
        {
            return services;
        }

        var ns = string.IsNullOrWhiteSpace(options.Namespace) ? null : options.Namespace;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var client = sp.GetService<IKubernetes>()
                ?? throw new InvalidOperationException("--Floors:Enabled=true needs a cluster: give --kubeconfig or run in a pod");
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Floors.Informer");
            return new Informer<V1Alpha1PredictivePolicy>(
                CustomObjectListWatch.Create<V1Alpha1PredictivePolicy, V1Alpha1PredictivePolicyList>(
                    client, AutoscalerApi.Group, AutoscalerApi.Version, AutoscalerApi.PredictivePolicyPlural, ns),
                new InformerOptions { OnError = e => logger.LogWarning("list/watch of predictivepolicies failed ({Error}); retrying", e.Message) },
                sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<InformerPolicyCache>();
        services.TryAddSingleton<IPolicyCache>(sp => sp.GetRequiredService<InformerPolicyCache>());
        services.AddHostedService(sp => sp.GetRequiredService<InformerPolicyCache>());
        services.TryAddSingleton<PrescaleFloorSource>();
        services.AddMetricSource<PrescaleFloorSource>();
        return services;
    }
}
