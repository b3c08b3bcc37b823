using System.Net;
using System.Net.Sockets;
using Autoscaler.Controller.Approval;
using Autoscaler.Controller.Cluster;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Leadership;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Controller.Watching;
using Autoscaler.Kubernetes.Autoscaling;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Informers;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Autoscaler.Controller.Hosting;

/// <summary>Composition root: the client, served-HPA-version discovery, informers, leader election, the loop and HTTP endpoints.</summary>
public static class ControllerHost
{
    /// <summary>Builds the web host; the HPA API version is discovered before anything starts.</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="cancellationToken">Cancellation for discovery.</param>
    public static async Task<WebApplication> BuildAsync(ControllerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Kubeconfig is { } path
            ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path)
            : KubernetesClientConfiguration.IsInCluster() ? KubernetesClientConfiguration.InClusterConfig() : KubernetesClientConfiguration.BuildDefaultConfig();
        var client = new k8s.Kubernetes(config);
        var hpaApi = await HorizontalPodAutoscalerApi.DiscoverAsync(client, cancellationToken).ConfigureAwait(false);
        var hpaVersion = hpaApi.Version;

        var builder = WebApplication.CreateSlimBuilder();
        var address = IPAddress.Parse(options.HttpAddress);
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        builder.WebHost.UseUrls($"http://{host}:{options.HttpPort}");
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ");
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IKubernetes>(client);
        services.AddSingleton<ControllerMetrics>();
        services.AddSingleton<LeadershipState>();
        services.AddSingleton(sp => new WorkQueue<string>(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IClusterWriter>(sp => new KubernetesClusterWriter(client, sp.GetRequiredService<TimeProvider>(), options.Identity));
        var ns = options.Namespace;
        AddInformer(services, CustomObjectListWatch.Create<V1Alpha1ScalingEvent, V1Alpha1ScalingEventList>(client, AutoscalerApi.Group, AutoscalerApi.Version, AutoscalerApi.ScalingEventPlural, ns));
        AddInformer(services, CustomObjectListWatch.Create<V1Alpha1PredictivePolicy, V1Alpha1PredictivePolicyList>(client, AutoscalerApi.Group, AutoscalerApi.Version, AutoscalerApi.PredictivePolicyPlural, ns));
        AddInformer(services, hpaApi.ListWatch(ns));
        AddInformer(services, new KubernetesListWatch<V1Pod, V1PodList>(
            (page, ct) => ns is null
                ? client.CoreV1.ListPodForAllNamespacesAsync(continueParameter: page.Continue, limit: page.Limit, cancellationToken: ct)
                : client.CoreV1.ListNamespacedPodAsync(ns, continueParameter: page.Continue, limit: page.Limit, cancellationToken: ct),
            (w, onError, ct) => ns is null
                ? client.CoreV1.WatchListPodForAllNamespacesAsync(
                    allowWatchBookmarks: true, resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: onError, cancellationToken: ct)
                : client.CoreV1.WatchListNamespacedPodAsync(
                    ns, allowWatchBookmarks: true, resourceVersion: w.ResourceVersion, timeoutSeconds: w.TimeoutSeconds, onError: onError, cancellationToken: ct)));
        services.AddSingleton<IClusterView>(sp => new InformerClusterView(
            sp.GetRequiredService<Informer<V1Alpha1ScalingEvent>>(), sp.GetRequiredService<Informer<V1Alpha1PredictivePolicy>>(),
            sp.GetRequiredService<Informer<V2HorizontalPodAutoscaler>>(), sp.GetRequiredService<Informer<V1Pod>>(), hpaVersion));
        var adapterHttp = options.AdapterUrl is null ? null : AdapterHttpClient.Create(options.AdapterCaFile, options.AdapterTokenFile, TimeProvider.System, TimeSpan.FromSeconds(30));
        services.AddSingleton(HistorySources.From(options, new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, adapterHttp));
        services.AddSingleton<ControllerReconciler>();
        services.AddSingleton<ApprovalService>();
        services.AddHostedService<InformerService>();
        services.AddHostedService<LeaderElectionService>();
        services.AddHostedService<ControlLoopService>();

        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapGet("/readyz", (IClusterView view) => view.IsSynced ? Results.Text("ok") : Results.Text("caches not synced", statusCode: 503));
        app.MapGet("/metrics", async (HttpContext context, ControllerMetrics metrics) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapPost("/approve/namespaces/{ns}/{plural}/{name}", async (string ns, string plural, string name, HttpContext context, ApprovalService approvals) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
            var (status, message) = await approvals.ApproveAsync(token, ns, plural, name, context.RequestAborted).ConfigureAwait(false);
            return Results.Text(message + "\n", statusCode: status);
        });
        app.Logger.LogInformation("autoscaler-controller {Identity}: HPAs through autoscaling/{Version}, namespace {Namespace}, sync {Sync}",
            options.Identity, hpaVersion, options.Namespace ?? "(all)", options.SyncPeriod);
        return app;
    }

    private static void AddInformer<T>(IServiceCollection services, IListWatchSource<T> source)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Informer." + typeof(T).Name);
            return new Informer<T>(
                source,
                new InformerOptions { OnError = e => logger.LogWarning("list/watch of {Type} failed ({Error}); retrying", typeof(T).Name, e.Message) },
                sp.GetRequiredService<TimeProvider>());
        });
}
