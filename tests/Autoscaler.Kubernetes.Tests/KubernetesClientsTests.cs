namespace Autoscaler.Kubernetes.Tests;

public sealed class KubernetesClientsTests
{
    [Fact]
    public void A_kubeconfig_path_gives_a_client_for_its_current_context()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: test
                    cluster: {server: "https://10.1.2.3:6443", insecure-skip-tls-verify: true}
                users:
                  - name: bot
                    user: {token: "abc"}
                contexts:
                  - name: ctx
                    context: {cluster: test, user: bot, namespace: shop}
                current-context: ctx
                """);

            var configuration = KubernetesClients.Configuration(path);
            using var client = KubernetesClients.Create(configuration);

            Assert.True(KubernetesClients.IsConfigured(path));
            Assert.Equal("https://10.1.2.3:6443/", ((k8s.Kubernetes)client).BaseUri.AbsoluteUri);
            Assert.Equal("shop", configuration.Namespace);
            Assert.Equal("abc", configuration.AccessToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_kubeconfig_fails_with_the_librarys_error_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.kubeconfig");
        var e = Assert.ThrowsAny<Exception>(() => KubernetesClients.Create(missing));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }
}
