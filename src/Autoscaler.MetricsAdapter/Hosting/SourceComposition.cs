using System.Net;
using Autoscaler.MetricsAdapter.Floors;
using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Keda;
using Autoscaler.MetricsAdapter.Objects;
using Autoscaler.MetricsAdapter.Sources.Prometheus;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.History;
using Autoscaler.MetricsAdapter.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Hosting;

/// <summary>
/// Where the metric sources plug into the host (shared with the sources' author): register each source with
/// <c>services.AddMetricSource&lt;T&gt;()</c> in <see cref="AddSources"/>; requests for which
/// <see cref="IsSourceRequest"/> is true (for example anything on the gRPC push port) skip the metrics API
/// pipeline and go to the branch built by <see cref="ConfigureSourceBranch"/>. The protocol layer never
/// references a source type.
/// </summary>
internal static partial class SourceComposition
{
    /// <summary>Registers the configured sources and their services: push (default on, <c>Push:Enabled</c>)
    /// with its HTTP/2 gRPC listener (<c>Grpc:*</c>, also serving KEDA's external scaler; TLS with the serving
    /// certificate unless <see cref="GrpcOptions.UsesTls"/> says cleartext, see <see cref="ListenGrpc"/>),
    /// Prometheus when <c>Prometheus:Url</c> is set, the pre-scale floors when <c>Floors:Enabled</c> is true; and,
    /// when the host has a Kubernetes client (registered by <c>AddAdapterServices</c> for <c>--kubeconfig</c> or
    /// in-cluster), the informer-backed object lister both sources use for metrics asked by object label selector
    /// (<c>Objects:*</c>).</summary>
    public static void AddSources(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // First, so a pushed series of the same name never shadows the controller's floor.
        builder.Services.AddPrescaleFloorSource(builder.Configuration);
        var hasCluster = builder.Services.Any(d => d.ServiceType == typeof(k8s.IKubernetes));
        builder.Services.AddObjectListing(hasCluster && builder.Configuration.GetValue("Objects:Enabled", defaultValue: true));
        builder.Services.AddPushSource(builder.Configuration);
        builder.Services.AddPrometheusSource(builder.Configuration);
        if (builder.Configuration.GetValue("Push:Enabled", defaultValue: true))
        {
            builder.Services.AddKedaExternalScaler(builder.Configuration.GetSection("Keda"));
            var grpc = builder.Configuration.GetSection("Grpc").Get<GrpcOptions>() ?? new GrpcOptions();
            if (grpc.Validate().Count == 0)
            {
                // Invalid options are reported by ValidateOnStart with every error; do not bind garbage first.
                AddGrpcPortCertificate(builder.Services, grpc);
                builder.WebHost.ConfigureKestrel(kestrel => ListenGrpc(kestrel, grpc));
            }
        }
    }

    /// <summary>When <c>Grpc:CertificateFile</c> is set: the gRPC port's own certificate (<see cref="GrpcPortCertificate"/>),
    /// loaded by <see cref="AdapterHost.PrepareCertificate"/> before the server starts (an unusable pair stops the start
    /// with the settings' names) and polled every <see cref="AdapterOptions.TlsReloadInterval"/> afterwards.</summary>
    private static void AddGrpcPortCertificate(IServiceCollection services, GrpcOptions grpc)
    {
        if (!grpc.HasOwnCertificate)
        {
            return;
        }

        services.AddSingleton(sp =>
        {
            var certificate = new ServingCertificate();
            var reloader = new CertificateFileReloader(
                grpc.CertificateFile!, grpc.PrivateKeyFile!, sp.GetService<AdapterOptions>()?.TlsReloadInterval ?? TimeSpan.FromSeconds(10), certificate,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CertificateFileReloader>>(), "Grpc:CertificateFile/Grpc:PrivateKeyFile");
            return new GrpcPortCertificate(certificate, reloader);
        });
        services.AddHostedService(sp => sp.GetRequiredService<GrpcPortCertificate>().Reloader);
    }

    /// <summary>Adds the push listener: TLS with the port's own certificate (<see cref="GrpcPortCertificate"/>, from
    /// <c>Grpc:CertificateFile</c>) or else the adapter's <see cref="ServingCertificate"/> (the same file, reloader
    /// and generated fallback as the secure port) when <see cref="GrpcOptions.UsesTls"/> is true for this host's
    /// <see cref="AdapterOptions.TlsCertFile"/>, else cleartext; the choice is logged, as a warning when a cleartext
    /// listener is reachable from other hosts.</summary>
    /// <param name="kestrel">Kestrel's options (its services hold <see cref="AdapterOptions"/> and the certificate).</param>
    /// <param name="grpc">The validated gRPC options.</param>
    public static void ListenGrpc(KestrelServerOptions kestrel, GrpcOptions grpc)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(grpc);
        var services = kestrel.ApplicationServices;
        var adapter = services.GetService<AdapterOptions>();
        var own = services.GetService<GrpcPortCertificate>();
        var certificate = own?.Certificate ?? services.GetService<ServingCertificate>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SourceComposition));
        if (grpc.UsesTls(!string.IsNullOrEmpty(adapter?.TlsCertFile)))
        {
            // Never a silent fall-back to cleartext.
            _ = certificate ?? throw new InvalidOperationException("the push port needs TLS (Grpc:Tls) but the host has no serving certificate (AddAdapterServices)");
            LogTls(logger, grpc.ListenAddress, grpc.Port, own is null ? "the serving certificate" : "its own certificate (Grpc:CertificateFile)", grpc.ClientCertificate);
            kestrel.ListenGrpc(grpc, () => certificate!.Current);
            return;
        }

        if (IPAddress.TryParse(grpc.ListenAddress, out var address) && IPAddress.IsLoopback(address))
        {
            LogCleartextLoopback(logger, grpc.ListenAddress, grpc.Port, grpc.Tls);
        }
        else
        {
            LogCleartextReachable(logger, grpc.ListenAddress, grpc.Port);
        }

        kestrel.ListenGrpc(grpc);
    }

    /// <summary>True when a request belongs to a source's own listener rather than the metrics API.</summary>
    public static bool IsSourceRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = context.RequestServices.GetService<IOptions<GrpcOptions>>()?.Value.Port ?? 0;
        return port > 0 && context.Connection.LocalPort == port;
    }

    /// <summary>
    /// Maps the sources' own HTTP endpoints on the secure port, after authentication and authorization: the push
    /// store's history (<c>/history/…</c>, <see cref="QueryRangeHandler"/>) when the push source registered it.
    /// </summary>
    public static void UseSourceEndpoints(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<QueryRangeHandler>() is { } history)
        {
            app.MapWhen(c => HistoryRoute.Matches(c.Request.Path.Value ?? string.Empty), b => b.Run(history.InvokeAsync));
        }
    }

    /// <summary>Builds the pipeline for source requests (routing and endpoints of the sources).</summary>
    public static void ConfigureSourceBranch(IApplicationBuilder branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        branch.UseRouting();
        branch.UseEndpoints(endpoints => endpoints.MapAutoscalerGrpc());
        branch.Run(context =>
        {
            // Not a gRPC method path: the push port serves nothing else.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push port {Address}:{Port}: gRPC over TLS (h2) with {Certificate}, client certificates {Mode}")]
    private static partial void LogTls(ILogger logger, string address, int port, string certificate, GrpcClientCertificateMode mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push port {Address}:{Port}: cleartext h2c on loopback (Grpc:Tls={Mode}); only this host can reach it")]
    private static partial void LogCleartextLoopback(ILogger logger, string address, int port, GrpcTlsMode mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push port {Address}:{Port}: cleartext h2c (Grpc:Tls=Off) reachable from other hosts: bearer tokens travel in clear and client certificates cannot be used; keep it behind a TLS-terminating sidecar")]
    private static partial void LogCleartextReachable(ILogger logger, string address, int port);
}
