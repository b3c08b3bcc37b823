using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>
/// The Kubernetes resources a series label can name, with their groups. prometheus-adapter asks the API
/// server's REST mapper; this adapter's Prometheus source has no Kubernetes dependency, so it knows the
/// built-in workload resources and takes anything else from explicit overrides.
/// </summary>
internal static class KnownResources
{
    private static readonly Dictionary<string, GroupResource> BySingular = new(StringComparer.Ordinal)
    {
        ["pod"] = new(string.Empty, "pods"),
        ["namespace"] = new(string.Empty, "namespaces"),
        ["node"] = new(string.Empty, "nodes"),
        ["service"] = new(string.Empty, "services"),
        ["persistentvolumeclaim"] = new(string.Empty, "persistentvolumeclaims"),
        ["deployment"] = new("apps", "deployments"),
        ["statefulset"] = new("apps", "statefulsets"),
        ["replicaset"] = new("apps", "replicasets"),
        ["daemonset"] = new("apps", "daemonsets"),
        ["job"] = new("batch", "jobs"),
        ["cronjob"] = new("batch", "cronjobs"),
        ["ingress"] = new("networking.k8s.io", "ingresses"),
        ["horizontalpodautoscaler"] = new("autoscaling", "horizontalpodautoscalers"),
    };

    public static readonly GroupResource Namespaces = new(string.Empty, "namespaces");

    /// <summary>A known resource named by its singular or plural form (case-insensitive), with its group.</summary>
    public static GroupResource? Find(string name)
    {
        var lower = name.ToLowerInvariant();
        if (BySingular.TryGetValue(lower, out var resource))
        {
            return resource;
        }

        foreach (var known in BySingular.Values)
        {
            if (known.Resource == lower)
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>An override's group/resource: known names are normalised to the plural; others are kept,
    /// pluralised the way Kubernetes usually does, so <c>{resource: "widget", group: "example.com"}</c> works.</summary>
    public static GroupResource Normalise(string? group, string resource)
    {
        if (Find(resource) is { } known && (string.IsNullOrEmpty(group) || group == known.Group))
        {
            return known;
        }

        var lower = resource.ToLowerInvariant();
        var plural = lower.EndsWith('s') ? lower : lower.EndsWith('y') ? lower[..^1] + "ies" : lower + "s";
        return new GroupResource(group ?? string.Empty, plural);
    }

    /// <summary>The Kind and apiVersion of objects of <paramref name="resource"/>, for described-object references.</summary>
    public static (string Kind, string ApiVersion) KindOf(GroupResource resource)
    {
        var singular = Singular(resource);
        var kind = singular switch
        {
            "persistentvolumeclaim" => "PersistentVolumeClaim",
            "statefulset" => "StatefulSet",
            "replicaset" => "ReplicaSet",
            "daemonset" => "DaemonSet",
            "cronjob" => "CronJob",
            "horizontalpodautoscaler" => "HorizontalPodAutoscaler",
            _ => singular.Length == 0 ? singular : char.ToUpperInvariant(singular[0]) + singular[1..],
        };
        var version = resource.Group switch
        {
            "" => "v1",
            "autoscaling" => "autoscaling/v2",
            var group => group + "/v1",
        };
        return (kind, version);
    }

    /// <summary>The singular form used in default label names (<c>pod</c> for <c>pods</c>).</summary>
    public static string Singular(GroupResource resource)
    {
        foreach (var (singular, known) in BySingular)
        {
            if (known == resource)
            {
                return singular;
            }
        }

        return resource.Resource.EndsWith("ies", StringComparison.Ordinal) ? resource.Resource[..^3] + "y"
            : resource.Resource.TrimEnd('s');
    }
}
