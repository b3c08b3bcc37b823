using System.Net;
using System.Net.Sockets;
using System.Text;
using Autoscaler.Controller.Hosting;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.AspNetCore.Builder;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>
/// Helpers for the controller's e2e tests on KubernetesClient: installs the shipped CRDs and user roles (kubectl apply,
/// as a user would), creates namespaces, Deployments, HPAs (autoscaling/v2beta2 on the 1.20 plane), service-account
/// tokens, and runs the controller host in-process.
/// </summary>
internal sealed class ControllerCluster
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    public ControllerCluster(ControlPlaneFixture cp)
    {
        Kubeconfig = cp.Environment.Kubeconfig;
        Client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Kubeconfig));
    }

    public string Kubeconfig { get; }

    public IKubernetes Client { get; }

    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative + " not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Applies manifests/crds and the user roles once per run and waits until both CRDs are Established.</summary>
    public async Task InstallAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed)
            {
                return;
            }

            await Kubectl("apply", "-f", RepoFile("manifests/crds"));
            await Kubectl("apply", "-f", RepoFile("manifests/controller/20-user-roles.yaml"));
            foreach (var name in new[] { "scalingevents", "predictivepolicies" })
            {
                await Eventually.TrueAsync($"CRD {name} Established", async seen =>
                {
                    var crd = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync($"{name}.{AutoscalerApi.Group}");
                    seen(string.Join(",", crd.Status?.Conditions?.Select(c => $"{c.Type}={c.Status}") ?? []));
                    return crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true;
                }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public async Task<string> NamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        await Eventually.TrueAsync($"the default service account of {name}", async seen =>
        {
            var accounts = await Client.CoreV1.ListNamespacedServiceAccountAsync(name);
            seen($"{accounts.Items.Count} service accounts");
            return accounts.Items.Any(a => a.Metadata.Name == "default");
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        return name;
    }

    /// <summary>
    /// A Deployment and an autoscaling/v2beta2 HPA (min <paramref name="minReplicas"/>, max 10, scale-down window 0 s) on the
    /// External metric queue_length (AverageValue 10), which nobody serves unless the test pushes it to an adapter.
    /// </summary>
    public async Task WorkloadAsync(string ns, string name, int minReplicas)
    {
        await Kubectl("apply", "-f", "-", stdin: $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: {{name}}, namespace: {{ns}} }
            spec:
              replicas: {{minReplicas}}
              selector: {matchLabels: {app: {{name}} } }
              template:
                metadata: {labels: {app: {{name}} } }
                spec:
                  containers: [{name: main, image: registry.invalid/app:1}]
            ---
            apiVersion: autoscaling/v2beta2
            kind: HorizontalPodAutoscaler
            metadata: {name: {{name}}, namespace: {{ns}}, labels: {tier: front} }
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{name}} }
              minReplicas: {{minReplicas}}
              maxReplicas: 10
              metrics:
                - type: External
                  external:
                    metric: {name: queue_length}
                    target: {type: AverageValue, averageValue: "10"}
              behavior:
                scaleDown: {stabilizationWindowSeconds: 0}
            """);
    }

    public async Task<V2HorizontalPodAutoscaler> HpaAsync(string ns, string name) =>
        await Client.CustomObjects.GetNamespacedCustomObjectAsync<V2HorizontalPodAutoscaler>("autoscaling", "v2beta2", ns, "horizontalpodautoscalers", name);

    public async Task<int> DeploymentReplicasAsync(string ns, string name) =>
        (await Client.AppsV1.ReadNamespacedDeploymentAsync(name, ns)).Spec.Replicas ?? 0;

    public async Task<V1Alpha1ScalingEvent> EventAsync(string ns, string name) =>
        await Client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1ScalingEvent>(AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.ScalingEventPlural, name);

    public async Task CreateEventAsync(V1Alpha1ScalingEvent scalingEvent) =>
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(scalingEvent, AutoscalerApi.Group, AutoscalerApi.Version,
            scalingEvent.Metadata.NamespaceProperty, AutoscalerApi.ScalingEventPlural);

    /// <summary>A service account bound to a ClusterRole in the namespace; returns its token (1.20 token Secret).</summary>
    public async Task<string> TokenAsync(string ns, string account, string clusterRole)
    {
        await Kubectl("-n", ns, "create", "serviceaccount", account);
        await Kubectl("-n", ns, "create", "rolebinding", account, "--clusterrole=" + clusterRole, $"--serviceaccount={ns}:{account}");
        return await Eventually.Async($"the token Secret of {ns}/{account}", async seen =>
        {
            var sa = await Client.CoreV1.ReadNamespacedServiceAccountAsync(account, ns);
            if (sa.Secrets is not { Count: > 0 })
            {
                seen("no secret yet");
                return null;
            }

            var secret = await Client.CoreV1.ReadNamespacedSecretAsync(sa.Secrets[0].Name, ns);
            seen("secret without token");
            return secret.Data?.TryGetValue("token", out var token) == true ? Encoding.UTF8.GetString(token) : null;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
    }

    /// <summary>Starts the controller host in-process for one namespace, with leader election on a Lease in it.</summary>
    /// <param name="ns">The namespace watched.</param>
    /// <param name="syncPeriod">The reconcile period.</param>
    /// <param name="configure">Changes to the options (for example the adapter flags), or null.</param>
    public async Task<(WebApplication App, int Port)> StartControllerAsync(string ns, TimeSpan syncPeriod, Func<ControllerOptions, ControllerOptions>? configure = null)
    {
        var port = FreePort();
        var options = new ControllerOptions
        {
            Kubeconfig = Kubeconfig,
            Namespace = ns,
            SyncPeriod = syncPeriod,
            LeaseNamespace = ns,
            Identity = "e2e-" + ns,
            HttpPort = port,
        };
        var app = await ControllerHost.BuildAsync(configure?.Invoke(options) ?? options, CancellationToken.None);
        await app.StartAsync();
        return (app, port);
    }

    public static async Task<(HttpStatusCode Status, string Body)> ApproveAsync(int port, string ns, string name, string? token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/approve/namespaces/{ns}/scalingevents/{name}");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> EventsOfAsync(string ns, string kind, string name)
    {
        var events = await Client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: $"involvedObject.kind={kind},involvedObject.name={name}");
        return string.Join("\n", events.Items.OrderBy(e => e.Metadata.CreationTimestamp).Select(e => $"{e.Type} {e.Reason}: {e.Message}"));
    }

    public Task<string> Kubectl(params string[] args) => Kubectl(args, null);

    public Task<string> Kubectl(string a, string b, string c, string stdin) => Kubectl([a, b, c], stdin);

    private async Task<string> Kubectl(string[] args, string? stdin)
    {
        var info = new System.Diagnostics.ProcessStartInfo("kubectl") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(Kubeconfig);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"kubectl {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
