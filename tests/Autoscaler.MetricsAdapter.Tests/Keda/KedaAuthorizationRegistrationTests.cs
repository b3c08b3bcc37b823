using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Keda;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Tests.Keda;

/// <summary>Whether <c>Keda:Authentication</c> turns authorization of KEDA's reads on (same rule as <c>Push:Authentication</c>).</summary>
public sealed class KedaAuthorizationRegistrationTests
{
    [Theory]
    [InlineData(PushAuthenticationMode.Auto, true, true, false, true)]
    [InlineData(PushAuthenticationMode.Auto, true, false, false, false)]
    [InlineData(PushAuthenticationMode.Auto, true, true, true, false)]
    [InlineData(PushAuthenticationMode.Auto, false, false, false, false)]
    [InlineData(PushAuthenticationMode.Required, true, false, false, true)]
    [InlineData(PushAuthenticationMode.Disabled, true, true, false, false)]
    public void Reads_are_authorized_when_the_mode_resolves_on(PushAuthenticationMode mode, bool delegated, bool cluster, bool authDisabled, bool enabled)
    {
        using var sp = Build(mode, delegated, cluster, authDisabled);

        Assert.Equal(enabled, sp.GetRequiredService<KedaReadAuthorizer>().Enabled);
    }

    [Fact]
    public void Required_without_delegated_auth_refuses_to_start_naming_the_setting()
    {
        using var sp = Build(PushAuthenticationMode.Required, delegated: false, cluster: false, authDisabled: false);

        var error = Assert.Throws<InvalidOperationException>(() => sp.GetRequiredService<KedaReadAuthorizer>());
        Assert.StartsWith("Keda:Authentication=Required needs", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(PushAuthenticationMode mode, bool delegated, bool cluster, bool authDisabled)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrpcTransport();
        services.AddKedaExternalScaler();
        services.Configure<KedaOptions>(o => o.Authentication = mode);
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

        return services.BuildServiceProvider();
    }
}
