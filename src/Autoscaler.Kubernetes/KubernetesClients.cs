using Autoscaler.Kubernetes.Http;
using k8s;

namespace Autoscaler.Kubernetes;

/// <summary>Builds KubernetesClient's <see cref="IKubernetes"/> the way every host here needs it.</summary>
public static class KubernetesClients
{
    /// <summary>True when a kubeconfig is given or the process runs in a pod (service-account token and KUBERNETES_SERVICE_HOST).</summary>
    /// <param name="kubeconfig">The --kubeconfig path, or null/empty.</param>
    /// <returns>Whether <see cref="Create(string?, KubernetesRetryOptions?)"/> can build a client.</returns>
    public static bool IsConfigured(string? kubeconfig) => !string.IsNullOrEmpty(kubeconfig) || KubernetesClientConfiguration.IsInCluster();

    /// <summary>The configuration: the kubeconfig file's current context, else in-cluster.</summary>
    /// <param name="kubeconfig">Kubeconfig path, or null/empty for the in-cluster configuration.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="k8s.Exceptions.KubeConfigException">The file is invalid, or there is neither a file nor a pod environment.</exception>
    public static KubernetesClientConfiguration Configuration(string? kubeconfig) =>
        string.IsNullOrEmpty(kubeconfig) ? KubernetesClientConfiguration.InClusterConfig() : KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);

    /// <summary>A client with <see cref="KubernetesRetryHandler"/> in front of every call.</summary>
    /// <param name="configuration">Server and credentials.</param>
    /// <param name="retry">Retry settings; null uses the defaults.</param>
    /// <returns>The client; the caller disposes it.</returns>
    public static IKubernetes Create(KubernetesClientConfiguration configuration, KubernetesRetryOptions? retry = null) =>
        new k8s.Kubernetes(configuration, new KubernetesRetryHandler(retry));

    /// <summary>A client from a kubeconfig path, or in-cluster when the path is empty.</summary>
    /// <param name="kubeconfig">Kubeconfig path, or null/empty.</param>
    /// <param name="retry">Retry settings; null uses the defaults.</param>
    /// <returns>The client; the caller disposes it.</returns>
    public static IKubernetes Create(string? kubeconfig, KubernetesRetryOptions? retry = null) => Create(Configuration(kubeconfig), retry);
}
