using System.Text.Json;
using k8s.Models;

namespace Autoscaler.Controller.Cluster;

/// <summary>
/// The thin mapper between the wire and <see cref="HpaView"/>: autoscaling/v2 and autoscaling/v2beta2 objects are both
/// read into the client's <see cref="V2HorizontalPodAutoscaler"/> (identical shapes for the fields used) and mapped here.
/// </summary>
public static class HpaMapper
{
    /// <summary>Maps an HPA read through <paramref name="apiVersion"/> ("v2" or "v2beta2").</summary>
    /// <param name="hpa">The object as deserialized.</param>
    /// <param name="apiVersion">The version it was read through.</param>
    /// <returns>The view.</returns>
    public static HpaView ToView(V2HorizontalPodAutoscaler hpa, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(hpa);
        var meta = hpa.Metadata ?? new V1ObjectMeta();
        return new HpaView(
            meta.NamespaceProperty ?? "",
            meta.Name ?? "",
            apiVersion,
            hpa.Spec?.MinReplicas ?? 1,
            hpa.Spec?.MaxReplicas ?? 1,
            hpa.Status?.CurrentReplicas ?? 0,
            hpa.Status?.DesiredReplicas ?? 0,
            (meta.Labels ?? new Dictionary<string, string>()).AsReadOnly(),
            (meta.Annotations ?? new Dictionary<string, string>()).AsReadOnly(),
            MinReplicasOwners(meta.ManagedFields),
            AverageValueTarget(hpa.Spec?.Metrics),
            hpa.Spec?.ScaleTargetRef?.Name);
    }

    private static List<FieldOwner> MinReplicasOwners(IList<V1ManagedFieldsEntry>? entries)
    {
        var owners = new List<FieldOwner>();
        foreach (var entry in entries ?? [])
        {
            if (entry.Subresource is { Length: > 0 } || entry.FieldsV1 is null)
            {
                continue;
            }

            var fields = JsonSerializer.SerializeToElement(entry.FieldsV1);
            if (fields.ValueKind == JsonValueKind.Object
                && fields.TryGetProperty("f:spec", out var spec)
                && spec.ValueKind == JsonValueKind.Object
                && spec.TryGetProperty("f:minReplicas", out _))
            {
                owners.Add(new FieldOwner(entry.Manager ?? "", entry.Operation ?? ""));
            }
        }

        return owners;
    }

    private static double? AverageValueTarget(IList<V2MetricSpec>? metrics)
    {
        foreach (var metric in metrics ?? [])
        {
            var target = metric.Pods?.Target ?? metric.External?.Target ?? metric.ObjectProperty?.Target;
            if (target?.AverageValue is { } quantity)
            {
                return (double)quantity.ToDecimal();
            }
        }

        return null;
    }
}
