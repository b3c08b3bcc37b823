using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Autoscaler.E2E.Tests.Fixtures;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// The adapter as a real process (or, with <see cref="ImageAdapterRunner"/>, as its container image) on the
/// namespace's service address (10.123.0.1:8443), registered the way
/// the shipped manifests do it: namespace, service account and RBAC from manifests/adapter, a selector-less
/// Service + Endpoints pointing at the process, and the three APIServices with the generated certificate as
/// caBundle. The adapter authenticates to the apiserver with its own service-account token, so the
/// auth-delegator and authentication-reader bindings are exercised too. Everything is removed on dispose.
/// </summary>
internal sealed class AdapterDeployment : IAsyncDisposable
{
    public const string Namespace = "autoscaler";
    private readonly ControlPlaneFixture _cp;
    private readonly string _work;
    private readonly IAdapterRunner _runner;

    private readonly string[] _extraArguments;

    private AdapterDeployment(ControlPlaneFixture cp, string work, IAdapterRunner runner, string[] extraArguments)
    {
        _cp = cp;
        _work = work;
        _runner = runner;
        _extraArguments = extraArguments;
    }

    public int PushPort { get; private set; }

    public string Address => $"https://{_cp.Environment.ServiceAddress}:8443";

    public string LogPath => Path.Combine(_work, "adapter.log");

    /// <summary>Where the certificate (<c>tls.crt</c>, <c>tls.key</c>), the adapter's kubeconfig (<c>adapter.kubeconfig</c>)
    /// and the apiserver's CA it names (<c>apiserver-ca.crt</c>) are.</summary>
    public string WorkDirectory => _work;

    public string Admin => _cp.Environment.Kubeconfig;

    /// <param name="cp">The control plane.</param>
    /// <param name="extraArguments">Appended to the adapter's command line (a --Staleness:MaxAge here replaces the default), e.g. a Prometheus source.</param>
    public static Task<AdapterDeployment> StartAsync(ControlPlaneFixture cp, params string[] extraArguments) =>
        StartAsync(cp, new ProcessAdapterRunner(), extraArguments);

    /// <param name="cp">The control plane.</param>
    /// <param name="runner">How the adapter runs (a process or the image); disposed with the deployment.</param>
    /// <param name="extraArguments">Appended to the adapter's command line, as for the other overload.</param>
    public static async Task<AdapterDeployment> StartAsync(ControlPlaneFixture cp, IAdapterRunner runner, params string[] extraArguments)
    {
        var work = Directory.CreateTempSubdirectory("adapter-e2e-").FullName;
        var d = new AdapterDeployment(cp, work, runner, extraArguments);
        try
        {
            await d.DeployAsync();
            return d;
        }
        catch (Exception e)
        {
            var log = File.Exists(d.LogPath) ? string.Join('\n', File.ReadLines(d.LogPath).TakeLast(40)) : "(no log)";
            await d.DisposeAsync();
            throw new InvalidOperationException($"adapter deployment failed: {e.Message}\nadapter log:\n{log}", e);
        }
    }

    private async Task DeployAsync()
    {
        var manifests = RepositoryPaths.Of("manifests", "adapter");
        await Kubectl.RunAsync(Admin, string.Empty, "apply", "-f", Path.Combine(manifests, "00-namespace.yaml"), "-f", Path.Combine(manifests, "10-rbac.yaml"), "-f", Path.Combine(manifests, "15-push-rbac.yaml"));
        // Pushes need a Kubernetes identity allowed to create pushedmetrics (issue #15): one that may push everywhere.
        await Kubectl.RunAsync(Admin, $$"""
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: e2e-pusher, namespace: {{Namespace}}}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: autoscaler-e2e-pusher}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: autoscaler-metrics-pusher}
            subjects: [{kind: ServiceAccount, name: e2e-pusher, namespace: {{Namespace}}}]
            """, "apply", "-f", "-");
        PushToken = await ServiceAccountTokenAsync(_cp, Namespace, "e2e-pusher");
        var kubeconfig = await ServiceAccountKubeconfigAsync();

        // The serving certificate, made by the adapter's own generate-cert for the Service's DNS name and the endpoint IP.
        var gen = await ExternalProcess.RunAsync("dotnet", [ProcessAdapterRunner.AdapterDll, "generate-cert", "--out", _work, "--hosts", $"metrics-adapter.{Namespace}.svc,{_cp.Environment.ServiceAddress}"], TimeSpan.FromSeconds(60));
        if (gen.ExitCode != 0)
        {
            throw new InvalidOperationException("generate-cert failed: " + gen.Stderr);
        }

        PushPort = FreePort();
        await _runner.StartAsync(
        [
            "--bind-address", _cp.Environment.ServiceAddress, "--secure-port", "8443",
            "--tls-cert-file", Path.Combine(_work, "tls.crt"), "--tls-private-key-file", Path.Combine(_work, "tls.key"),
            "--kubeconfig", kubeconfig,
            $"--Storage:DatabasePath={_runner.DatabasePath(_work)}",
            $"--Grpc:Port={PushPort}", "--Grpc:ListenAddress=127.0.0.1",
            // The adapter refuses a key given twice, so a caller's own staleness bound replaces this default.
            .. _extraArguments.Any(a => a.StartsWith("--Staleness:MaxAge=", StringComparison.Ordinal)) ? _extraArguments : ["--Staleness:MaxAge=00:10:00", .. _extraArguments],
        ], _work, LogPath);
        await WaitReadyAsync();

        var service = $$"""
            apiVersion: v1
            kind: Service
            metadata: {name: metrics-adapter, namespace: {{Namespace}}}
            spec:
              ports: [{name: https, port: 443, targetPort: 8443}]
            ---
            apiVersion: v1
            kind: Endpoints
            metadata: {name: metrics-adapter, namespace: {{Namespace}}}
            subsets:
              - addresses: [{ip: {{_cp.Environment.ServiceAddress}}}]
                ports: [{name: https, port: 8443}]
            """;
        await Kubectl.RunAsync(Admin, service, "apply", "-f", "-");
        var caBundle = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(_work, "tls.crt")));
        var apiServices = File.ReadAllText(Path.Combine(manifests, "40-apiservices.yaml")).Replace("CA_BUNDLE", caBundle, StringComparison.Ordinal);
        await Kubectl.RunAsync(Admin, apiServices, "apply", "-f", "-");
        foreach (var name in new[] { "v1beta1.external.metrics.k8s.io", "v1beta2.custom.metrics.k8s.io", "v1beta1.custom.metrics.k8s.io" })
        {
            await Eventually.Async($"APIService {name} Available", async seen =>
            {
                var apiService = await _cp.Admin.ApiregistrationV1.ReadAPIServiceAsync(name);
                var available = apiService.Status?.Conditions?.FirstOrDefault(c => c.Type == "Available");
                var status = $"{available?.Status} {available?.Message}";
                seen(status.Trim());
                return available?.Status == "True" ? status : null;
            }, TimeSpan.FromSeconds(60));
        }

        // Available=True is not enough: the aggregator installs the group's proxy handler and discovery
        // asynchronously, so the group path can still answer 404 for a while (issue #8). Wait for what the
        // tests and the HPA need next: each group version answering 200 through the aggregator.
        foreach (var groupVersion in new[] { "external.metrics.k8s.io/v1beta1", "custom.metrics.k8s.io/v1beta2", "custom.metrics.k8s.io/v1beta1" })
        {
            await AggregatorServesAsync(_cp, groupVersion);
        }
    }

    /// <summary>Waits until GET /apis/{groupVersion} answers 200 with that group version's resource list through the aggregator.</summary>
    public static Task AggregatorServesAsync(ControlPlaneFixture cp, string groupVersion) =>
        Eventually.Async($"the aggregator to serve /apis/{groupVersion}", async seen =>
        {
            try
            {
                var list = await cp.Admin.GetJsonAsync($"/apis/{groupVersion}");
                var served = list.TryGetProperty("groupVersion", out var gv) ? gv.GetString() : null;
                seen($"200 with groupVersion {served ?? "(none)"}");
                return served == groupVersion ? "served" : null;
            }
            catch (HttpOperationException e)
            {
                seen($"{(int)e.Response.StatusCode} {e.Response.StatusCode}: {e.Message}");
                return null;
            }
        }, TimeSpan.FromSeconds(60));

    /// <summary>The token of a service account's token Secret (Kubernetes 1.20 still creates one per account).</summary>
    /// <param name="cp">The control plane.</param>
    /// <param name="ns">The account's namespace.</param>
    /// <param name="account">The account's name.</param>
    /// <returns>The bearer token.</returns>
    public static Task<string> ServiceAccountTokenAsync(ControlPlaneFixture cp, string ns, string account) =>
        Eventually.Async($"the service-account token of {ns}/{account}", async () =>
        {
            V1ServiceAccount sa;
            try
            {
                sa = await cp.Admin.CoreV1.ReadNamespacedServiceAccountAsync(account, ns);
            }
            catch (HttpOperationException e) when (Autoscaler.Kubernetes.ApiErrors.IsNotFound(e))
            {
                return null;
            }

            if (sa.Secrets?.FirstOrDefault()?.Name is not { Length: > 0 } secret)
            {
                return null;
            }

            var data = (await cp.Admin.CoreV1.ReadNamespacedSecretAsync(secret, ns)).Data;
            return data is not null && data.TryGetValue("token", out var bytes) && bytes.Length > 0 ? Encoding.UTF8.GetString(bytes) : null;
        }, TimeSpan.FromSeconds(30));

    /// <summary>A push client over TLS (the push port serves TLS because a certificate file is configured) authenticated
    /// as <c>autoscaler/e2e-pusher</c>, which may push into every namespace (ClusterRoleBinding to the shipped
    /// <c>autoscaler-metrics-pusher</c> role).</summary>
    public GrpcPushClient PushClient() => new(PushPort, PushToken, ServingCertificate);

    /// <summary>A push client over TLS to <paramref name="port"/> (this or another replica with the same certificate)
    /// with the given credentials: a bearer token, a client certificate, both or neither.</summary>
    public GrpcPushClient PushClient(string? token, X509Certificate2? clientCertificate = null, int? port = null) =>
        new(port ?? PushPort, token, ServingCertificate, clientCertificate);

    /// <summary>The adapter's serving certificate (<c>tls.crt</c>), also presented on the push port.</summary>
    public X509Certificate2 ServingCertificate => X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(_work, "tls.crt")));

    /// <summary>The bearer token of <c>autoscaler/e2e-pusher</c>.</summary>
    public string PushToken { get; private set; } = string.Empty;

    private async Task<string> ServiceAccountKubeconfigAsync()
    {
        var token = await ServiceAccountTokenAsync(_cp, Namespace, "metrics-adapter");
        var server = ((k8s.Kubernetes)_cp.Admin).BaseUri.AbsoluteUri.TrimEnd('/');
        var path = Path.Combine(_work, "adapter.kubeconfig");
        // A copy next to the kubeconfig: everything the adapter reads is in one directory (a container mounts just that).
        var ca = Path.Combine(_work, "apiserver-ca.crt");
        File.Copy(_cp.Environment.CaFile, ca);
        await File.WriteAllTextAsync(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: e2e
                cluster:
                  server: "{server}"
                  certificate-authority: "{ca}"
            users:
              - name: adapter
                user:
                  token: "{token}"
            contexts:
              - name: adapter
                context:
                  cluster: e2e
                  user: adapter
                  namespace: {Namespace}
            current-context: adapter
            """);
        return path;
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { Timeout = TimeSpan.FromSeconds(3) };
        await Eventually.Async("adapter /readyz", async () =>
        {
            if (await _runner.HasExitedAsync())
            {
                throw new InvalidOperationException("the adapter process exited");
            }

            try
            {
                using var r = await http.GetAsync($"{Address}/readyz");
                return r.StatusCode == HttpStatusCode.OK ? "ok" : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Reads the adapter's own /metrics the way Prometheus would through the front proxy: the aggregator's
    /// front-proxy client certificate with its user and group headers.
    /// </summary>
    /// <returns>The status code and the exposition text.</returns>
    public async Task<(HttpStatusCode Status, string Text)> ScrapeAsync()
    {
        var env = _cp.Environment;
        using var proxyCert = X509Certificate2.CreateFromPemFile(env.FrontProxyClientCertFile, env.FrontProxyClientKeyFile);
        using var asProxy = new HttpClient(new HttpClientHandler { ClientCertificates = { proxyCert }, ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Address}/metrics");
        request.Headers.Add("X-Remote-User", "system:kube-aggregator");
        request.Headers.Add("X-Remote-Group", "system:masters");
        using var response = await asProxy.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>How many external-metric reads the adapter answered with this status code (adapter_requests_total).</summary>
    /// <param name="code">The HTTP status code.</param>
    /// <returns>The counter's value, 0 while the series does not exist yet.</returns>
    public async Task<long> ExternalReadsAsync(int code)
    {
        var (_, text) = await ScrapeAsync();
        return text.Split('\n')
            .Where(l => l.StartsWith("adapter_requests_total{", StringComparison.Ordinal)
                && l.Contains("route=\"external\"", StringComparison.Ordinal) && l.Contains($"code=\"{code}\"", StringComparison.Ordinal))
            .Sum(l => long.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        var manifests = RepositoryPaths.Of("manifests", "adapter");
        foreach (var args in new[]
        {
            new[] { "delete", "apiservice", "--ignore-not-found", "v1beta1.external.metrics.k8s.io", "v1beta2.custom.metrics.k8s.io", "v1beta1.custom.metrics.k8s.io" },
            // Waits for the namespace to go, so the next test can create it again.
            ["delete", "clusterrolebinding", "--ignore-not-found", "autoscaler-e2e-pusher"],
            ["delete", "--ignore-not-found", "--timeout=50s", "-f", Path.Combine(manifests, "15-push-rbac.yaml"), "-f", Path.Combine(manifests, "10-rbac.yaml"), "-f", Path.Combine(manifests, "00-namespace.yaml")],
        })
        {
            try
            {
                await Kubectl.RunAsync(Admin, string.Empty, args);
            }
            catch (InvalidOperationException)
            {
                // Best effort: the control plane is torn down after the suite anyway.
            }
        }

        await _runner.DisposeAsync();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
