using System.Globalization;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Calendar.Cluster;

/// <summary>
/// <see cref="IWorkloadCatalog"/> over autoscaling/v1 HPAs (served by every Kubernetes version, including 1.20 which has
/// no autoscaling/v2): name, bounds, current replicas and the calendar's annotations. The friendly name is the
/// display-name annotation, else the app.kubernetes.io/name label, else the HPA name.
/// </summary>
public sealed class KubernetesWorkloadCatalog : IWorkloadCatalog
{
    /// <summary>The label used for the friendly name when the display-name annotation is absent.</summary>
    public const string NameLabel = "app.kubernetes.io/name";

    private readonly IKubernetes _client;

    /// <summary>Creates the catalog.</summary>
    public KubernetesWorkloadCatalog(IKubernetes client) => _client = client;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Workload>> ListAsync(string ns, CancellationToken cancellationToken)
    {
        V1HorizontalPodAutoscalerList list;
        try
        {
            list = await _client.AutoscalingV1.ListNamespacedHorizontalPodAutoscalerAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e)
        {
            var code = (int)(e.Response?.StatusCode ?? HttpStatusCode.BadGateway);
            throw new ClusterException(code, $"listing HPAs in {ns}: the API server answered {code}: {KubernetesScalingEventStore.ServerMessage(e.Response?.Content) ?? e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterException(502, $"listing HPAs in {ns}: the API server could not be reached: {e.Message}", e);
        }

        return list.Items.Select(ToWorkload).OrderBy(w => w.DisplayName, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Maps one HPA.</summary>
    internal static Workload ToWorkload(V1HorizontalPodAutoscaler hpa)
    {
        var annotations = hpa.Metadata.Annotations ?? new Dictionary<string, string>();
        if (!annotations.TryGetValue(CalendarAnnotations.DisplayName, out var display) || string.IsNullOrWhiteSpace(display))
        {
            hpa.Metadata.Labels?.TryGetValue(NameLabel, out display);
        }

        double? perReplica = annotations.TryGetValue(CalendarAnnotations.LoadPerReplica, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v : null;
        annotations.TryGetValue(CalendarAnnotations.HistoryQuery, out var query);
        annotations.TryGetValue(CalendarAnnotations.ReplicasQuery, out var replicas);
        return new Workload(
            hpa.Metadata.NamespaceProperty,
            hpa.Metadata.Name,
            string.IsNullOrWhiteSpace(display) ? hpa.Metadata.Name : display.Trim(),
            hpa.Spec.MinReplicas ?? 1,
            hpa.Spec.MaxReplicas,
            hpa.Status?.CurrentReplicas ?? 0,
            perReplica,
            string.IsNullOrWhiteSpace(query) ? null : query)
        {
            ReplicasQuery = string.IsNullOrWhiteSpace(replicas) ? null : replicas,
        };
    }
}
