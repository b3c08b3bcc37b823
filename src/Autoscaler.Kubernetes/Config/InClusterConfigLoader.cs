using System.Security.Cryptography.X509Certificates;
using Autoscaler.Kubernetes.Errors;

namespace Autoscaler.Kubernetes.Config;

/// <summary>Reads the in-cluster configuration: service host/port variables and the service-account files.</summary>
internal static class InClusterConfigLoader
{
    public const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public static bool IsInCluster(Func<string, string?> env) =>
        !string.IsNullOrEmpty(env("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(env("KUBERNETES_SERVICE_PORT"));

    public static KubernetesClientConfiguration Load(Func<string, string?> env, string directory)
    {
        var host = env("KUBERNETES_SERVICE_HOST");
        var port = env("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubernetesConfigException(
                "not running in a cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must both be set");
        }

        if (!int.TryParse(port, out var portNumber) || portNumber is < 1 or > 65535)
        {
            throw new KubernetesConfigException($"KUBERNETES_SERVICE_PORT '{port}' is not a port number");
        }

        var tokenFile = Path.Combine(directory, "token");
        var caFile = Path.Combine(directory, "ca.crt");
        if (!File.Exists(tokenFile))
        {
            throw new KubernetesConfigException($"in-cluster token file {tokenFile} does not exist");
        }

        if (!File.Exists(caFile))
        {
            throw new KubernetesConfigException($"in-cluster CA file {caFile} does not exist");
        }

        var namespaceFile = Path.Combine(directory, "namespace");
        var bracketed = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        return new KubernetesClientConfiguration
        {
            Server = new Uri($"https://{bracketed}:{portNumber}"),
            CertificateAuthorities = Pem.LoadCertificates(File.ReadAllText(caFile), caFile),
            TokenFile = tokenFile,
            Namespace = File.Exists(namespaceFile) ? File.ReadAllText(namespaceFile).Trim() : "default",
        };
    }
}
