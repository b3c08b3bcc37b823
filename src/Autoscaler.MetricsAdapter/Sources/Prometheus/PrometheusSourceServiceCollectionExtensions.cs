using System.Diagnostics.Metrics;
using Autoscaler.MetricsAdapter.Objects;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.Prometheus.Query;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>Registers the Prometheus source.</summary>
public static class PrometheusSourceServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Prometheus source when <c>Prometheus:Url</c> is set (otherwise does nothing): options from the
    /// <c>Prometheus</c> and <c>Staleness</c> sections, validated at start; the rules file loaded once at
    /// start (an invalid file stops the adapter with every error listed); background discovery.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The root configuration.</param>
    public static IServiceCollection AddPrometheusSource(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection("Prometheus").Get<PrometheusSourceOptions>() ?? new PrometheusSourceOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddOptions<PrometheusSourceOptions>().Bind(configuration.GetSection("Prometheus")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrometheusSourceOptions>, SourceOptionsValidation>());
        services.AddStalenessOptions(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPrometheusClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PrometheusSourceOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return PrometheusClient.Create(new Uri(options.Url!), options.Resilience, time);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PrometheusSourceOptions>>().Value;
            return new PrometheusSource(
                RulesLoader.LoadFile(options.RulesFile!),
                sp.GetRequiredService<IPrometheusClient>(),
                options,
                sp.GetRequiredService<IOptions<StalenessOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                new RuleQueryErrors(sp.GetService<IMeterFactory>(), sp.GetService<ILoggerFactory>()?.CreateLogger<PrometheusSource>()),
                sp.GetService<IObjectLister>());
        });
        services.AddMetricSource<PrometheusSource>();
        services.AddHostedService<PrometheusDiscoveryService>();
        return services;
    }

    private sealed class SourceOptionsValidation : IValidateOptions<PrometheusSourceOptions>
    {
        public ValidateOptionsResult Validate(string? name, PrometheusSourceOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
