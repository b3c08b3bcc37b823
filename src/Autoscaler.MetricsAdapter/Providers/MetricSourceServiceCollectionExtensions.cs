using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.MetricsAdapter.Providers;

/// <summary>How a metric source plugs into the adapter: one call per source type.</summary>
public static class MetricSourceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TSource"/> as a singleton and exposes it through each seam interface it
    /// implements (<see cref="IExternalMetricsProvider"/>, <see cref="ICustomMetricsProvider"/>,
    /// <see cref="IMetricSourceHealth"/>). Sources are consulted in registration order.
    /// </summary>
    public static IServiceCollection AddMetricSource<TSource>(this IServiceCollection services)
        where TSource : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TSource>();
        return services.AddMetricSourceInterfaces(typeof(TSource), sp => sp.GetRequiredService<TSource>());
    }

    /// <summary>Registers an existing source instance the same way as <see cref="AddMetricSource{TSource}(IServiceCollection)"/>.</summary>
    public static IServiceCollection AddMetricSource(this IServiceCollection services, object source)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(source);
        return services.AddMetricSourceInterfaces(source.GetType(), _ => source);
    }

    private static IServiceCollection AddMetricSourceInterfaces(this IServiceCollection services, Type type, Func<IServiceProvider, object> factory)
    {
        var any = false;
        if (typeof(IExternalMetricsProvider).IsAssignableFrom(type))
        {
            services.AddSingleton(sp => (IExternalMetricsProvider)factory(sp));
            any = true;
        }

        if (typeof(ICustomMetricsProvider).IsAssignableFrom(type))
        {
            services.AddSingleton(sp => (ICustomMetricsProvider)factory(sp));
            any = true;
        }

        if (typeof(IMetricSourceHealth).IsAssignableFrom(type))
        {
            services.AddSingleton(sp => (IMetricSourceHealth)factory(sp));
        }

        return any ? services : throw new ArgumentException($"{type.Name} implements neither IExternalMetricsProvider nor ICustomMetricsProvider", nameof(type));
    }
}
