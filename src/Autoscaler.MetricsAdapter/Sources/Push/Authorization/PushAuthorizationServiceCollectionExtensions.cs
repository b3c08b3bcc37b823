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
        if (!IsOn(sp, mode, "Push:Authentication"))
        {
            LogOpen(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IPushAuthorizer)), mode);
            return new AllowAnyPushAuthorizer();
        }

        return ActivatorUtilities.CreateInstance<KubernetesPushAuthorizer>(sp);
    }

    /// <summary>
    /// Whether calls on the gRPC port are authenticated and authorized under <paramref name="mode"/>: always for
    /// <see cref="PushAuthenticationMode.Required"/> (throws <see cref="InvalidOperationException"/> naming
    /// <paramref name="setting"/> when the host has no delegated auth), for <see cref="PushAuthenticationMode.Auto"/>
    /// when the host has a Kubernetes API and delegated auth is on, never for <see cref="PushAuthenticationMode.Disabled"/>.
    /// </summary>
    internal static bool IsOn(IServiceProvider sp, PushAuthenticationMode mode, string setting)
    {
        var authOptions = sp.GetService<AuthOptions>();
        var delegated = authOptions is not null && sp.GetService<DelegatingAuthorizer>() is not null && sp.GetService<TokenAuthenticator>() is not null;
        var cluster = sp.GetService<k8s.IKubernetes>() is not null;
        return mode switch
        {
            PushAuthenticationMode.Required when !delegated => throw new InvalidOperationException(
                $"{setting}=Required needs the adapter's delegated authentication (TokenReview and SubjectAccessReview through --kubeconfig or in-cluster)"),
            PushAuthenticationMode.Required => true,
            PushAuthenticationMode.Auto => delegated && cluster && !authOptions!.Disabled,
            _ => false,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push authentication is off (Push:Authentication={Mode}): anyone who reaches the push port can write metrics into any namespace")]
    private static partial void LogOpen(ILogger logger, PushAuthenticationMode mode);
}
