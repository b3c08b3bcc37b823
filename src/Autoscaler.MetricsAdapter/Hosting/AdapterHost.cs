using System.Net;
using System.Security.Authentication;
using Autoscaler.Kubernetes;
using Autoscaler.Kubernetes.Http;
using Autoscaler.MetricsAdapter.Api;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Discovery;
using Autoscaler.MetricsAdapter.Health;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Telemetry;
using Autoscaler.MetricsAdapter.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Autoscaler.MetricsAdapter.Hosting;

/// <summary>Composes the adapter: services, Kestrel (HTTPS, h1+h2, optional client certificates) and the request pipeline.</summary>
internal static class AdapterHost
{
    /// <summary>Registers every protocol-layer service. Tests replace the reviewers and trust source by registering theirs first.</summary>
    public static void AddAdapterServices(this IServiceCollection services, AdapterOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(options.Auth);
        services.TryAddSingleton(sp => new CompositeMetricsProvider(
            sp.GetServices<IExternalMetricsProvider>(), sp.GetServices<ICustomMetricsProvider>(), sp.GetServices<IMetricSourceHealth>()));
        // One registry per host: no prometheus-net global state, so hosts in one process never mix series.
        services.TryAddSingleton(_ => Metrics.NewCustomRegistry());
        services.TryAddSingleton<AdapterTelemetry>();
        services.AddMetrics();
        services.TryAddSingleton<MeterCounterExport>();
        services.TryAddSingleton<ServingCertificate>();
        services.TryAddSingleton<ClientCertificateVerifier>();
        services.TryAddSingleton<RequestHeaderAuthenticator>();
        services.TryAddSingleton<TokenAuthenticator>();
        services.TryAddSingleton<DelegatingAuthorizer>();
        services.TryAddSingleton<DiscoveryHandler>();
        services.TryAddSingleton<MetricQueryHandler>();
        services.TryAddSingleton<ApiDispatcher>();
        services.TryAddSingleton<HealthEndpoints>();
        AddKubernetesBackends(services, options);
    }

    /// <summary>Listens on the secure port with TLS 1.2+, ALPN h2 + http/1.1, and client certificates requested but not required.</summary>
    public static void ConfigureKestrel(KestrelServerOptions kestrel, AdapterOptions options, ServingCertificate certificate)
    {
        kestrel.AddServerHeader = false;
        kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        kestrel.Listen(IPAddress.Parse(options.BindAddress), options.SecurePort, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificateSelector = (_, _) => certificate.Current,
                // Request, do not require: kubelet probes and token clients have no certificate.
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                // Any presented chain is accepted here and verified per request against the current trust (§2.2).
                ClientCertificateValidation = (_, _, _) => true,
                SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                HandshakeTimeout = TimeSpan.FromSeconds(10),
            });
        });
    }

    /// <summary>The request pipeline: guard → source branch → health → auth → source endpoints → /metrics → API.</summary>
    public static void UseAdapterPipeline(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestGuardMiddleware>();
        app.MapWhen(SourceComposition.IsSourceRequest, SourceComposition.ConfigureSourceBranch);
        var health = app.ApplicationServices.GetRequiredService<HealthEndpoints>();
        app.MapWhen(c => HealthEndpoints.Matches(c.Request.Path.Value ?? string.Empty), b => b.Run(health.InvokeAsync));
        app.UseMiddleware<AuthMiddleware>();
        SourceComposition.UseSourceEndpoints(app);
        app.ApplicationServices.GetRequiredService<MeterCounterExport>();
        var registry = app.ApplicationServices.GetRequiredService<CollectorRegistry>();
        app.MapWhen(c => c.Request.Path.Value == "/metrics", b =>
        {
            b.Use((c, next) => HttpMethods.IsGet(c.Request.Method) ? next(c) : JsonResponses.WriteErrorAsync(c, Errors.ApiError.MethodNotAllowed(c.Request.Method)));
            // Text format 0.0.4 only (no OpenMetrics negotiation), as before the move to prometheus-net.
            b.UseMetricServer(settings => { settings.Registry = registry; settings.EnableOpenMetrics = false; }, url: null);
        });
        var api = app.ApplicationServices.GetRequiredService<ApiDispatcher>();
        app.Run(api.InvokeAsync);
    }

    /// <summary>Loads or generates the serving certificate before the server starts, and loads the gRPC port's own
    /// certificate when one is configured (<see cref="GrpcPortCertificate"/>).</summary>
    /// <exception cref="InvalidOperationException">A certificate pair cannot be loaded (missing file, bad PEM, a key that
    /// does not match the certificate); the message starts with the settings that named the files.</exception>
    public static void PrepareCertificate(IServiceProvider services, AdapterOptions options)
    {
        services.GetService<GrpcPortCertificate>()?.Reloader.LoadInitial();
        var certificate = services.GetRequiredService<ServingCertificate>();
        var time = services.GetRequiredService<TimeProvider>();
        if (!string.IsNullOrEmpty(options.TlsCertFile))
        {
            services.GetRequiredService<CertificateFileReloader>().LoadInitial();
            return;
        }

        var generated = SelfSignedCertificateFactory.Create(options.SelfSignedHosts, time.GetUtcNow(), TimeSpan.FromDays(365));
        if (!string.IsNullOrEmpty(options.CertDir))
        {
            Directory.CreateDirectory(options.CertDir);
            SelfSignedCertificateFactory.WritePem(generated, Path.Combine(options.CertDir, "apiserver.crt"), Path.Combine(options.CertDir, "apiserver.key"));
        }

        certificate.Set(generated);
    }

    /// <summary>Adds the certificate reloader when certificate files are configured.</summary>
    public static void AddCertificateReloading(IServiceCollection services, AdapterOptions options)
    {
        if (string.IsNullOrEmpty(options.TlsCertFile))
        {
            return;
        }

        services.AddSingleton(sp => new CertificateFileReloader(
            options.TlsCertFile, options.TlsPrivateKeyFile!, options.TlsReloadInterval, sp.GetRequiredService<ServingCertificate>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CertificateFileReloader>>()));
        services.AddHostedService(sp => sp.GetRequiredService<CertificateFileReloader>());
    }

    private static void AddKubernetesBackends(IServiceCollection services, AdapterOptions options)
    {
        var hasCluster = KubernetesClients.IsConfigured(options.Kubeconfig);
        if (hasCluster)
        {
            services.TryAddSingleton(sp => KubernetesClients.Create(
                options.Kubeconfig, new KubernetesRetryOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() }));
            services.TryAddSingleton<ITokenReviewer, KubernetesTokenReviewer>();
            services.TryAddSingleton<IAccessReviewer, KubernetesAccessReviewer>();
        }
        else
        {
            services.TryAddSingleton<ITokenReviewer>(new NoClusterReviewer());
            services.TryAddSingleton<IAccessReviewer>(new NoClusterReviewer());
        }

        var fromFiles = !string.IsNullOrEmpty(options.RequestHeaderClientCaFile) || options.AuthenticationSkipLookup || options.Auth.Disabled || !hasCluster;
        if (fromFiles)
        {
            services.TryAddSingleton<IAuthenticationTrustSource>(_ => new StaticTrustSource(options.Auth.Disabled ? null : TrustFromFiles(options)));
            return;
        }

        services.TryAddSingleton(sp => new KubernetesTrustSource(
            sp.GetRequiredService<k8s.IKubernetes>(), options.TrustRefreshInterval, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<KubernetesTrustSource>>()));
        services.TryAddSingleton<IAuthenticationTrustSource>(sp => sp.GetRequiredService<KubernetesTrustSource>());
        services.AddHostedService(sp => sp.GetRequiredService<KubernetesTrustSource>());
    }

    /// <summary>Trust material from <c>--requestheader-client-ca-file</c>/<c>--client-ca-file</c>.</summary>
    public static RequestHeaderTrust TrustFromFiles(AdapterOptions options)
    {
        var data = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(options.RequestHeaderClientCaFile))
        {
            data["requestheader-client-ca-file"] = File.ReadAllText(options.RequestHeaderClientCaFile);
        }

        if (!string.IsNullOrEmpty(options.ClientCaFile))
        {
            data["client-ca-file"] = File.ReadAllText(options.ClientCaFile);
        }

        var trust = TrustMaterialParser.Parse(data, 1);
        return trust with { AllowedNames = options.RequestHeaderAllowedNames.ToArray() };
    }

    /// <summary>Stands in for the reviewers when no cluster is configured: every review fails (503), never allows.</summary>
    private sealed class NoClusterReviewer : ITokenReviewer, IAccessReviewer
    {
        public Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no Kubernetes API configured (--kubeconfig) to review tokens");

        public Task<AccessDecision> ReviewAsync(AuthenticatedUser user, RequestAttributes attributes, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no Kubernetes API configured (--kubeconfig) to review access");
    }
}
