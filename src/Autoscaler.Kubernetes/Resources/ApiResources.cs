namespace Autoscaler.Kubernetes.Resources;

/// <summary>The resources this product uses, by name.</summary>
public static class ApiResources
{
    /// <summary>core/v1 namespaces.</summary>
    public static readonly ApiResource Namespaces = new("", "v1", "namespaces", "Namespace", false);

    /// <summary>core/v1 pods.</summary>
    public static readonly ApiResource Pods = new("", "v1", "pods", "Pod", true);

    /// <summary>core/v1 services.</summary>
    public static readonly ApiResource Services = new("", "v1", "services", "Service", true);

    /// <summary>core/v1 endpoints.</summary>
    public static readonly ApiResource Endpoints = new("", "v1", "endpoints", "Endpoints", true);

    /// <summary>core/v1 configmaps.</summary>
    public static readonly ApiResource ConfigMaps = new("", "v1", "configmaps", "ConfigMap", true);

    /// <summary>apps/v1 deployments.</summary>
    public static readonly ApiResource Deployments = new("apps", "v1", "deployments", "Deployment", true);

    /// <summary>apps/v1 statefulsets.</summary>
    public static readonly ApiResource StatefulSets = new("apps", "v1", "statefulsets", "StatefulSet", true);

    /// <summary>coordination.k8s.io/v1 leases.</summary>
    public static readonly ApiResource Leases = new("coordination.k8s.io", "v1", "leases", "Lease", true);

    /// <summary>events.k8s.io/v1 events.</summary>
    public static readonly ApiResource Events = new("events.k8s.io", "v1", "events", "Event", true);

    /// <summary>apiextensions.k8s.io/v1 customresourcedefinitions.</summary>
    public static readonly ApiResource CustomResourceDefinitions =
        new("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false);

    /// <summary>apiregistration.k8s.io/v1 apiservices.</summary>
    public static readonly ApiResource ApiServices = new("apiregistration.k8s.io", "v1", "apiservices", "APIService", false);

    /// <summary>authentication.k8s.io/v1 tokenreviews (create only).</summary>
    public static readonly ApiResource TokenReviews = new("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", false);

    /// <summary>authorization.k8s.io/v1 subjectaccessreviews (create only).</summary>
    public static readonly ApiResource SubjectAccessReviews =
        new("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", false);

    /// <summary>HorizontalPodAutoscalers in the given autoscaling version (v2 from Kubernetes 1.23, v2beta2 before).</summary>
    /// <param name="version">v2 or v2beta2.</param>
    /// <returns>The resource.</returns>
    public static ApiResource HorizontalPodAutoscalers(string version) =>
        new("autoscaling", version, "horizontalpodautoscalers", "HorizontalPodAutoscaler", true);
}
