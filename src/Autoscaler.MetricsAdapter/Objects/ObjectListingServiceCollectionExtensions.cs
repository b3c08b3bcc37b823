using Autoscaler.Kubernetes.Informers;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Objects;

/// <summary>Registers the informer-backed <see cref="IObjectLister"/>.</summary>
public static class ObjectListingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the informer-backed object lister (options from the <c>Objects</c> section, validated at start) over the
    /// registered <see cref="IKubernetes"/>; call it only when the adapter has a Kubernetes API. With
    /// <c>Objects:Enabled=false</c> nothing is watched and selector requests for objects stay a clear 400.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="enabled">The value of <c>Objects:Enabled</c>.</param>
    public static IServiceCollection AddObjectListing(this IServiceCollection services, bool enabled)
    {
        if (!enabled)
        {
            return services;
        }

        services.AddOptions<ObjectListingOptions>().BindConfiguration("Objects").ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ObjectListingOptions>, Validation>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var client = sp.GetRequiredService<IKubernetes>();
            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<InformerObjectLister>();
            var watched = sp.GetRequiredService<IOptions<ObjectListingOptions>>().Value.ResourceNames.Select(name => WatchableResources.Create(
                name,
                client,
                new InformerOptions { OnError = e => logger.LogWarning("list/watch of {Resource} failed ({Error}); retrying", name, e.Message) },
                time));
            return new InformerObjectLister(watched);
        });
        services.TryAddSingleton<IObjectLister>(sp => sp.GetRequiredService<InformerObjectLister>());
        services.AddHostedService(sp => sp.GetRequiredService<InformerObjectLister>());
        return services;
    }

    private sealed class Validation : IValidateOptions<ObjectListingOptions>
    {
        public ValidateOptionsResult Validate(string? name, ObjectListingOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
