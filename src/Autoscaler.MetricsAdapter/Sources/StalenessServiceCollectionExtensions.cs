using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources;

/// <summary>Registers <see cref="StalenessOptions"/> once, whichever sources are added.</summary>
internal static class StalenessServiceCollectionExtensions
{
    public static IServiceCollection AddStalenessOptions(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<StalenessOptions>)))
        {
            return services;
        }

        services.AddOptions<StalenessOptions>().Bind(configuration.GetSection("Staleness")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StalenessOptions>, Validation>());
        return services;
    }

    private sealed class Validation : IValidateOptions<StalenessOptions>
    {
        public ValidateOptionsResult Validate(string? name, StalenessOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
