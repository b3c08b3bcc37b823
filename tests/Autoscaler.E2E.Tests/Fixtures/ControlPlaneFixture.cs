using System.Collections.Concurrent;
using Autoscaler.E2E.Tests.Fixtures.Containers;
using Autoscaler.Kubernetes;
using Autoscaler.Kubernetes.Http;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Fixtures;

/// <summary>
/// Shared by every real-control-plane test (Category=Kubernetes and Category=Adapter): the environment,
/// an admin client, clients for other identities, and throw-away namespaces removed at the end.
/// The fixture starts the control plane itself through Testcontainers (<see cref="ContainerControlPlane"/>) on the
/// private engine of tests/e2e/docker-engine.sh and removes it at the end; tests run inside that engine's network
/// namespace (tests/e2e/run.sh, or <c>tests/e2e/docker-engine.sh exec dotnet test ...</c>).
/// </summary>
public sealed class ControlPlaneFixture : IAsyncLifetime
{
    private readonly ConcurrentBag<string> _namespaces = [];
    private readonly ConcurrentBag<IDisposable> _owned = [];
    private ContainerControlPlane? _containers;

    /// <summary>The control plane's environment.</summary>
    public ControlPlaneEnvironment Environment { get; private set; } = null!;

    /// <summary>A KubernetesClient with the admin (system:masters) identity.</summary>
    public IKubernetes Admin { get; private set; } = null!;

    /// <summary>
    /// Creates a KubernetesClient from a kubeconfig (the admin one by default), with our retry handler in front;
    /// disposed with the fixture.
    /// </summary>
    /// <param name="kubeconfig">Kubeconfig path, or null for the admin kubeconfig.</param>
    /// <param name="retry">Retry settings; null uses the defaults.</param>
    /// <returns>The client.</returns>
    public IKubernetes CreateClient(string? kubeconfig = null, KubernetesRetryOptions? retry = null)
    {
        var client = KubernetesClients.Create(kubeconfig ?? Environment.Kubeconfig, retry);
        _owned.Add(client);
        return client;
    }

    /// <summary>
    /// Creates a namespace with a unique name, deleted when the test run ends. Returns once its "default"
    /// service account exists: until then the ServiceAccount admission plugin rejects pods.
    /// </summary>
    /// <param name="prefix">Name prefix.</param>
    /// <returns>The namespace name.</returns>
    public async Task<string> CreateNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 9, 63)];
        await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        _namespaces.Add(name);
        await Eventually.Async($"the default service account of {name}", async () =>
        {
            try
            {
                await Admin.CoreV1.ReadNamespacedServiceAccountAsync("default", name);
                return name;
            }
            catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
            {
                return null;
            }
        }, TimeSpan.FromSeconds(30));
        return name;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _containers = await ContainerControlPlane.StartAsync();
        Environment = ControlPlaneEnvironment.From(_containers.Values);

        Admin = CreateClient();
        try
        {
            await Eventually.Async("the API server answering /readyz with ok", async seen =>
            {
                try
                {
                    var body = (await Admin.GetStringAsync("/readyz")).Trim();
                    seen(body);
                    return body == "ok" ? body : null;
                }
                catch (Exception e) when (e is HttpRequestException or HttpOperationException or TaskCanceledException)
                {
                    seen(e.Message);
                    return null;
                }
            }, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            await _containers.DisposeAsync();
            throw new InvalidOperationException(
                $"the API server {Environment["AUTOSCALER_E2E_APISERVER"]} started but is not ready for the tests' client; "
                + $"its log is {Environment["AUTOSCALER_E2E_STATE"]}/logs/kube-apiserver.log. {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var ns in _namespaces)
        {
            try
            {
                await Admin.CoreV1.DeleteNamespaceAsync(ns);
            }
            catch (Exception)
            {
                // The control plane is torn down next anyway.
            }
        }

        foreach (var client in _owned)
        {
            client.Dispose();
        }

        if (_containers is not null)
        {
            await _containers.DisposeAsync();
        }
    }
}
