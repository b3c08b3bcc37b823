using System.Security.Cryptography.X509Certificates;

namespace Autoscaler.Kubernetes.Config;

/// <summary>
/// Where the API server is and how to authenticate: built from a kubeconfig, from the in-cluster
/// service account, or by hand.
/// </summary>
public sealed class KubernetesClientConfiguration
{
    /// <summary>The API server's base address, such as https://127.0.0.1:6443.</summary>
    public required Uri Server { get; init; }

    /// <summary>CAs trusted for the server certificate (custom root trust, not the system store). Empty: the system store.</summary>
    public X509Certificate2Collection CertificateAuthorities { get; init; } = [];

    /// <summary>Skips server certificate verification (kubeconfig insecure-skip-tls-verify).</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Name to verify the server certificate against instead of the host of <see cref="Server"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Client certificate with its private key, for x509 authentication.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>A fixed bearer token.</summary>
    public string? Token { get; init; }

    /// <summary>A file holding the bearer token, re-read when it may have rotated (service-account tokens).</summary>
    public string? TokenFile { get; init; }

    /// <summary>The default namespace of the context, or of the pod in cluster.</summary>
    public string? Namespace { get; init; }

    /// <summary>User to impersonate (kubeconfig "as").</summary>
    public string? ImpersonateUser { get; init; }

    /// <summary>Groups to impersonate (kubeconfig "as-groups").</summary>
    public IReadOnlyList<string> ImpersonateGroups { get; init; } = [];

    /// <summary>Name of the kubeconfig context used, when loaded from one.</summary>
    public string? ContextName { get; init; }

    /// <summary>
    /// Loads a kubeconfig: the files in <paramref name="kubeconfigPaths"/> (or $KUBECONFIG, else
    /// ~/.kube/config), merged in order, with the given context or the current one.
    /// </summary>
    /// <param name="context">Context name; null uses current-context.</param>
    /// <param name="kubeconfigPaths">A path list separated like $PATH; null uses $KUBECONFIG or ~/.kube/config.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="Errors.KubernetesConfigException">The files are missing or invalid, or use an unsupported auth method.</exception>
    public static KubernetesClientConfiguration FromKubeConfig(string? context = null, string? kubeconfigPaths = null) =>
        KubeConfigLoader.Load(KubeConfigLoader.ResolvePaths(kubeconfigPaths, Environment.GetEnvironmentVariable),
            context);

    /// <summary>Loads the in-cluster configuration from the service-account files and KUBERNETES_SERVICE_HOST/PORT.</summary>
    /// <returns>The configuration.</returns>
    /// <exception cref="Errors.KubernetesConfigException">Not running in a cluster, or the files are missing.</exception>
    public static KubernetesClientConfiguration InCluster() =>
        InClusterConfigLoader.Load(Environment.GetEnvironmentVariable, InClusterConfigLoader.ServiceAccountDirectory);

    /// <summary>True when KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are both set.</summary>
    /// <returns>Whether the process runs in a cluster.</returns>
    public static bool IsInCluster() => InClusterConfigLoader.IsInCluster(Environment.GetEnvironmentVariable);

    /// <summary>The in-cluster configuration when in a cluster, else the kubeconfig.</summary>
    /// <returns>The configuration.</returns>
    public static KubernetesClientConfiguration Default() => IsInCluster() ? InCluster() : FromKubeConfig();
}
