using Autoscaler.MetricsAdapter.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push.History;

/// <summary>Registers the push store's history endpoint (<see cref="QueryRangeHandler"/>) and how it is authorized.</summary>
internal static class HistoryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the history endpoint unless <c>History:Enabled</c> is false: <see cref="HistoryOptions"/> from the
    /// <c>History</c> section (validated at start), the handler, and the <see cref="HistoryRoute"/> mapping its path to
    /// <c>get pushedmetrics</c>. Needs the embedded <see cref="Storage.ISampleStore"/>.
    /// </summary>
    public static IServiceCollection AddPushHistory(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("History:Enabled", defaultValue: true))
        {
            return services;
        }

        services.AddOptions<HistoryOptions>().Bind(configuration.GetSection("History")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HistoryOptions>, HistoryValidation>());
        services.TryAddSingleton<QueryRangeHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestAttributesMapper, HistoryRoute>());
        return services;
    }

    private sealed class HistoryValidation : IValidateOptions<HistoryOptions>
    {
        public ValidateOptionsResult Validate(string? name, HistoryOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
