using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push.Authorization;

/// <summary>Which authorizer <c>Push:Authentication</c> selects.</summary>
public sealed class PushAuthorizationRegistrationTests
{
    [Fact]
    public void Auto_without_a_cluster_is_open()
    {
        using var sp = Build(PushAuthenticationMode.Auto, delegated: true);

        Assert.IsType<AllowAnyPushAuthorizer>(sp.GetRequiredService<IPushAuthorizer>());
    }

    [Fact]
    public void Auto_with_a_cluster_requires_authorization()
    {
        using var sp = Build(PushAuthenticationMode.Auto, delegated: true, cluster: true);

        Assert.IsType<KubernetesPushAuthorizer>(sp.GetRequiredService<IPushAuthorizer>());
    }

    [Fact]
    public void Auto_with_a_cluster_but_delegated_auth_disabled_is_open()
    {
        using var sp = Build(PushAuthenticationMode.Auto, delegated: true, cluster: true, authDisabled: true);

        Assert.IsType<AllowAnyPushAuthorizer>(sp.GetRequiredService<IPushAuthorizer>());
    }

    [Fact]
    public void Required_without_delegated_auth_refuses_to_start_with_the_reason()
    {
        using var sp = Build(PushAuthenticationMode.Required, delegated: false);

        var error = Assert.Throws<InvalidOperationException>(() => sp.GetRequiredService<IPushAuthorizer>());
        Assert.Contains("Push:Authentication=Required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabled_is_open_even_with_a_cluster()
    {
        using var sp = Build(PushAuthenticationMode.Disabled, delegated: true, cluster: true);

        Assert.IsType<AllowAnyPushAuthorizer>(sp.GetRequiredService<IPushAuthorizer>());
    }

    private static ServiceProvider Build(PushAuthenticationMode mode, bool delegated, bool cluster = false, bool authDisabled = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<PushOptions>(o => o.Authentication = mode);
        services.AddSingleton(TimeProvider.System);
        if (delegated)
        {
            var reviewers = new FakeReviewers();
            services.AddSingleton(new AuthOptions { Disabled = authDisabled });
            services.AddSingleton<ITokenReviewer>(reviewers);
            services.AddSingleton<IAccessReviewer>(reviewers);
            services.AddSingleton<IAuthenticationTrustSource>(new StaticTrustSource(null));
            services.AddSingleton<ClientCertificateVerifier>();
            services.AddSingleton<RequestHeaderAuthenticator>();
            services.AddSingleton<TokenAuthenticator>();
            services.AddSingleton<DelegatingAuthorizer>();
        }

        if (cluster)
        {
            services.AddSingleton<k8s.IKubernetes>(_ => new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = "https://127.0.0.1:1" }));
        }

        services.AddPushAuthorization();
        return services.BuildServiceProvider();
    }
}
