using Autoscaler.Calendar.Api;
using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Preview;
using k8s;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Autoscaler.Calendar.Hosting;

/// <summary>Wires the calendar: services (with the Kubernetes seams unless already registered, as tests do) and the pipeline.</summary>
public static class CalendarApp
{
    /// <summary>Registers everything on <paramref name="builder"/>; seams registered before this call win.</summary>
    public static void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CalendarOptions>().Bind(builder.Configuration.GetSection("Calendar"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.AddOpenApi();
        // The antiforgery tokens are protected with data-protection keys: persisted to the configured directory they
        // survive a restart (a page opened before it can still save); the fixed application name keeps the key ring
        // valid when the binary moves (the default discriminator is the content root path).
        var protection = services.AddDataProtection().SetApplicationName("autoscaler-calendar");
        if (builder.Configuration["Calendar:DataProtectionKeysPath"] is { Length: > 0 } keys)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfFilter.HeaderName;
            o.Cookie.Name = "calendar.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAuthentication(ProxyAuthenticationHandler.SchemeName)
            .AddScheme<ProxyAuthenticationOptions, ProxyAuthenticationHandler>(ProxyAuthenticationHandler.SchemeName, o => builder.Configuration.GetSection("Calendar:Auth").Bind(o));
        services.AddAuthorization();
        services.AddSingleton<PreviewService>();
        services.AddSingleton<ReportService>();
        AddIfMissing<IKubernetes>(services, _ => new k8s.Kubernetes(KubernetesClientConfiguration.BuildDefaultConfig()));
        AddIfMissing<IScalingEventStore>(services, sp => new KubernetesScalingEventStore(sp.GetRequiredService<IKubernetes>(), sp.GetRequiredService<TimeProvider>()));
        AddIfMissing<IWorkloadCatalog>(services, sp => new KubernetesWorkloadCatalog(sp.GetRequiredService<IKubernetes>()));
        AddIfMissing<IAccessReview>(services, sp => new KubernetesAccessReview(sp.GetRequiredService<IKubernetes>()));
        AddIfMissing<ITokenReviewer>(services, sp => new KubernetesTokenReviewer(sp.GetRequiredService<IKubernetes>()));
        AddIfMissing<IHistorySourceFactory>(services, sp => ActivatorUtilities.CreateInstance<ConfiguredHistorySources>(sp));
        builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(h =>
        {
            // The proxy's client certificate is checked against the configured proxy CA by the authentication handler.
            h.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            h.AllowAnyClientCertificate();
        }));
    }

    /// <summary>The pipeline: security headers, static pages, authentication, the API under /api, OpenAPI at /openapi/v1.json.</summary>
    public static void Configure(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (ClusterException e) when (!context.Response.HasStarted)
            {
                var status = e.StatusCode is 404 or 409 or 422 ? e.StatusCode : StatusCodes.Status502BadGateway;
                context.Response.StatusCode = status;
                await context.Response.WriteAsJsonAsync(new { error = e.Message }).ConfigureAwait(false);
            }
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<CsrfFilter>();
        EventsEndpoints.Map(api);
        ApprovalEndpoints.Map(api);
        SessionEndpoints.Map(api);
        PreviewEndpoints.Map(api);
        IcalEndpoints.Map(api);
        ReportEndpoints.Map(api);
    }

    private static void AddIfMissing<T>(IServiceCollection services, Func<IServiceProvider, T> factory)
        where T : class
    {
        if (services.All(d => d.ServiceType != typeof(T))) services.AddSingleton(factory);
    }
}
