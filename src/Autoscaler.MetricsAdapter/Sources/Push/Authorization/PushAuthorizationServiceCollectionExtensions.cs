using Autoscaler.MetricsAdapter.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>Registers <see cref="IPushAuthorizer"/> according to <c>Push:Authentication</c>.</summary>
internal static partial class PushAuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the push authorizer unless one is registered: <see cref="KubernetesPushAuthorizer"/> when the mode is
    /// <see cref="PushAuthenticationMode.Required"/>, or <see cref="PushAuthenticationMode.Auto"/> and the host has a
    /// Kubernetes API with delegated auth on; otherwise <see cref="AllowAnyPushAuthorizer"/>, logged as a warning.
    /// Required without the delegated-auth services throws <see cref="InvalidOperationException"/> at resolution.
    /// </summary>
    public static IServiceCollection AddPushAuthorization(this IServiceCollection services)
    {
        services.TryAddSingleton<IPushAuthorizer>(Create);
        return services;
    }

    private static IPushAuthorizer Create(IServiceProvider sp)
    {
        var mode = sp.GetRequiredService<IOptions<PushOptions>>().Value.Authentication;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IPushAuthorizer));
        var authOptions = sp.GetService<AuthOptions>();
        var delegated = authOptions is not null && sp.GetService<DelegatingAuthorizer>() is not null && sp.GetService<TokenAuthenticator>() is not null;
        var cluster = sp.GetService<k8s.IKubernetes>() is not null;
        var on = mode switch
        {
            PushAuthenticationMode.Required when !delegated => throw new InvalidOperationException(
                "Push:Authentication=Required needs the adapter's delegated authentication (TokenReview and SubjectAccessReview through --kubeconfig or in-cluster)"),
            PushAuthenticationMode.Required => true,
            PushAuthenticationMode.Auto => delegated && cluster && !authOptions!.Disabled,
            _ => false,
        };
        if (!on)
        {
            LogOpen(logger, mode);
            return new AllowAnyPushAuthorizer();
        }

        return ActivatorUtilities.CreateInstance<KubernetesPushAuthorizer>(sp);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push authentication is off (Push:Authentication={Mode}): anyone who reaches the push port can write metrics into any namespace")]
    private static partial void LogOpen(ILogger logger, PushAuthenticationMode mode);
}
