using System.Diagnostics;
using System.Globalization;
using System.Net.NetworkInformation;
using Autoscaler.Kubernetes;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using k8s;
using k8s.Autorest;

namespace Autoscaler.E2E.Tests.Fixtures.Containers;

/// <summary>
/// The e2e control plane started through Testcontainers (issue #16): etcd, kube-apiserver, a throttled second
/// kube-apiserver and kube-controller-manager v1.20.2, each a container of the locally built
/// <see cref="ControlPlaneImage"/>, on the engine's host network with every server bound to 127.0.0.1. The engine
/// (tests/e2e/docker-engine.sh) runs inside a private network namespace, so "host network" is that namespace: the
/// tests run there too, and the service address Endpoints hold (never loopback: the aggregator refuses it) is on
/// its <c>lo</c>. Ready means: etcd /health, both API servers /readyz, and the controller-manager having created
/// the <c>default</c> ServiceAccount. Disposal stops and removes every container, also after a failed start.
/// </summary>
public sealed class ContainerControlPlane : IAsyncDisposable
{
    private readonly List<(string Name, IContainer Container)> _containers = [];
    private readonly List<IOutputConsumer> _outputs = [];
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private readonly List<(string Phase, TimeSpan Took)> _timings = [];
    private readonly string _state;
    private int _disposed;

    private ContainerControlPlane(string state) => _state = state;

    /// <summary>Every value the tests read through <see cref="ControlPlaneEnvironment"/>, for this control plane.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    /// <summary>How long each start-up phase took, in order (certificates, image, etcd, API servers, controller-manager).</summary>
    public IReadOnlyList<(string Phase, TimeSpan Took)> Timings => _timings;

    /// <summary>
    /// Starts the control plane. Reads <c>AUTOSCALER_E2E_STATE</c> (default /tmp/autoscaler-e2e-containers),
    /// <c>AUTOSCALER_E2E_SERVICE_ADDRESS</c> (default 10.123.0.1; must be an address of this network namespace),
    /// <c>AUTOSCALER_E2E_NETNS</c> and <c>AUTOSCALER_E2E_CACHE</c> (binary cache root, as lib-build.sh); the engine
    /// comes from Testcontainers' own settings (<c>DOCKER_HOST</c>, <c>DOCKER_API_VERSION</c>, ...).
    /// </summary>
    /// <returns>The running control plane.</returns>
    /// <exception cref="InvalidOperationException">The service address is not local, or a server did not become ready (with its last log lines).</exception>
    public static async Task<ContainerControlPlane> StartAsync()
    {
        var state = Path.GetFullPath(Setting("AUTOSCALER_E2E_STATE", "/tmp/autoscaler-e2e-containers"));
        var serviceAddress = Setting("AUTOSCALER_E2E_SERVICE_ADDRESS", "10.123.0.1");
        RequireLocalAddress(serviceAddress);
        var plane = new ContainerControlPlane(state);
        try
        {
            await plane.StartContainersAsync(serviceAddress);
            return plane;
        }
        catch
        {
            await plane.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops and removes every container (last started first), then closes the log files. Idempotent.</summary>
    /// <returns>A task that completes when everything is removed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        var failures = new List<Exception>();
        for (var i = _containers.Count - 1; i >= 0; i--)
        {
            try
            {
                await _containers[i].Container.DisposeAsync();
            }
            catch (Exception e)
            {
                failures.Add(new InvalidOperationException($"removing container {_containers[i].Name}: {e.Message}", e));
            }
        }

        foreach (var output in _outputs)
        {
            output.Dispose();
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("the control plane's containers were not all removed", failures);
        }
    }

    private async Task StartContainersAsync(string serviceAddress)
    {
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        var clock = Stopwatch.StartNew();
        var swept = await ContainerSweep.RunAsync();
        Directory.CreateDirectory(Path.Combine(_state, "logs"));
        File.Delete(Path.Combine(_state, "logs", "fixture.log")); // an earlier run's, so a failed start shows none
        File.Delete(Path.Combine(_state, "env"));
        Directory.CreateDirectory(Path.Combine(_state, "controller-manager-certs"));
        await ControlPlaneFiles.WriteAsync(_state, serviceAddress, ControlPlaneFlags.ApiPort, ControlPlaneFlags.ThrottledPort);
        Mark($"sweep ({swept.Count} left over) and certificates", clock);

        var cache = Setting("AUTOSCALER_E2E_CACHE", "/var/cache/autoscaler-e2e");
        var image = await ControlPlaneImage.BuildAsync(Path.Combine(cache, "k8s-1.20.2-reflect2-1.0.2", "bin"), _state, Labels("image"));
        Mark($"image {image.FullName}", clock);

        var pki = Path.Combine(_state, "pki");
        var etcd = await StartAsync(image, "etcd", ControlPlaneImage.Etcd, ControlPlaneFlags.Etcd("/var/lib/etcd/data"), tmpfs: "/var/lib/etcd");
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) })
        {
            await WaitAsync("etcd answering /health with health=true", etcd, async token =>
            {
                var body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{ControlPlaneFlags.EtcdPort}/health"), token);
                return body.Contains("\"true\"", StringComparison.Ordinal) ? body : null;
            });
        }

        Mark("etcd", clock);

        // The controller-manager retries until the API server answers, so the three start together.
        var starts = await Task.WhenAll(
            StartAsync(image, "kube-apiserver", ControlPlaneImage.ApiServer, ControlPlaneFlags.ApiServer(pki, ControlPlaneFlags.ApiPort, serviceAddress)),
            StartAsync(image, "kube-apiserver-throttled", ControlPlaneImage.ApiServer, ControlPlaneFlags.ThrottledApiServer(pki, serviceAddress)),
            StartAsync(image, "kube-controller-manager", ControlPlaneImage.ControllerManager, ControlPlaneFlags.ControllerManager(_state)));
        var admin = Path.Combine(_state, "admin.kubeconfig");
        using var main = KubernetesClients.Create(admin);
        using var throttled = KubernetesClients.Create(Path.Combine(_state, "throttled.kubeconfig"));
        await WaitAsync("kube-apiserver answering /readyz with ok", starts[0], async token => await ReadyzAsync(main, token));
        await WaitAsync("the throttled kube-apiserver answering /readyz with ok", starts[1], async token => await ReadyzAsync(throttled, token));
        Mark("both API servers ready", clock);

        await WaitAsync("the controller-manager creating ServiceAccount default/default", starts[2], async token =>
            (await main.CoreV1.ReadNamespacedServiceAccountAsync("default", "default", cancellationToken: token)).Metadata?.Name);
        Mark("controller-manager working", clock);

        Values = EnvironmentValues(serviceAddress, admin);
        File.WriteAllLines(Path.Combine(_state, "env"), Values.Select(v => $"{v.Key}={v.Value}"));
        File.WriteAllLines(Path.Combine(_state, "logs", "fixture.log"),
            _timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Took.TotalSeconds,7:F2} s  {t.Phase}")));
    }

    private async Task<IContainer> StartAsync(IFutureDockerImage image, string name, string entrypoint, string[] args, string? tmpfs = null)
    {
        var logs = Path.Combine(_state, "logs");
        var output = Consume.RedirectStdoutAndStderrToStream(
            new FileStream(Path.Combine(logs, $"{name}.stdout.log"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0),
            new FileStream(Path.Combine(logs, $"{name}.log"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0));
        _outputs.Add(output);
        var builder = new ContainerBuilder(image)
            .WithImagePullPolicy(PullPolicy.Never)
            .WithEntrypoint(entrypoint)
            .WithCommand(args)
            .WithBindMount(_state, _state)
            .WithOutputConsumer(output)
            .WithCreateParameterModifier(p => (p.HostConfig ??= new Docker.DotNet.Models.HostConfig()).NetworkMode = "host");
        foreach (var (key, value) in Labels(name))
        {
            builder = builder.WithLabel(key, value);
        }

        if (tmpfs is not null)
        {
            builder = builder.WithTmpfsMount(tmpfs);
        }

        var container = builder.Build();
        lock (_containers)
        {
            _containers.Add((name, container));
        }

        await container.StartAsync();
        return container;
    }

    // Each probe gets ProbeTimeout (a listener that accepts and never answers must not eat the whole wait); before
    // each one the engine is asked whether the container still runs, so a server that died ends the wait at once.
    private async Task WaitAsync(string what, IContainer container, Func<CancellationToken, Task<string?>> probe)
    {
        var name = _containers.First(c => ReferenceEquals(c.Container, container)).Name;
        using var docker = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(ResourceReaper.DefaultSessionId).Build();
        try
        {
            await Eventually.Async(what, async seen =>
            {
                var state = (await docker.Containers.InspectContainerAsync(container.Id)).State;
                if (state is not { Running: true })
                {
                    throw new InvalidOperationException($"{name} is not running ({state?.Status}, exit code {state?.ExitCode})");
                }

                using var attempt = new CancellationTokenSource(ProbeTimeout);
                try
                {
                    return await probe(attempt.Token);
                }
                catch (Exception e) when (e is HttpRequestException or HttpOperationException or OperationCanceledException)
                {
                    seen(e.Message);
                    return null;
                }
            }, TimeSpan.FromSeconds(90));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            var log = Path.Combine(_state, "logs", $"{name}.log");
            var tail = File.Exists(log) ? string.Join('\n', ReadShared(log).TakeLast(30)) : "(no log)";
            throw new InvalidOperationException($"{e.Message}\nlast lines of {log}:\n{tail}", e);
        }
    }

    private static async Task<string?> ReadyzAsync(IKubernetes client, CancellationToken token)
    {
        var body = (await client.GetStringAsync("/readyz", token)).Trim();
        return body == "ok" ? body : null;
    }

    private Dictionary<string, string> EnvironmentValues(string serviceAddress, string admin)
    {
        var pki = Path.Combine(_state, "pki");
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KUBECONFIG"] = admin,
            ["AUTOSCALER_E2E_NETNS"] = Setting("AUTOSCALER_E2E_NETNS", "(none)"),
            ["AUTOSCALER_E2E_SERVICE_ADDRESS"] = serviceAddress,
            ["AUTOSCALER_E2E_STATE"] = _state,
            ["AUTOSCALER_E2E_APISERVER"] = $"https://127.0.0.1:{ControlPlaneFlags.ApiPort}",
            ["AUTOSCALER_E2E_CA"] = $"{pki}/ca.crt",
            ["AUTOSCALER_E2E_CA_KEY"] = $"{pki}/ca.key",
            ["AUTOSCALER_E2E_FRONT_PROXY_CA"] = $"{pki}/front-proxy-ca.crt",
            ["AUTOSCALER_E2E_FRONT_PROXY_CLIENT_CERT"] = $"{pki}/front-proxy-client.crt",
            ["AUTOSCALER_E2E_FRONT_PROXY_CLIENT_KEY"] = $"{pki}/front-proxy-client.key",
            ["AUTOSCALER_E2E_USER_KUBECONFIG"] = Path.Combine(_state, "user.kubeconfig"),
            ["AUTOSCALER_E2E_THROTTLED_KUBECONFIG"] = Path.Combine(_state, "throttled.kubeconfig"),
        };
        foreach (var (key, value) in ControlPlaneFlags.Hpa)
        {
            values[key] = value;
        }

        return values;
    }

    private Dictionary<string, string> Labels(string role) => new(StringComparer.Ordinal)
    {
        [ContainerSweep.Label] = ContainerSweep.LabelValue,
        [$"{ContainerSweep.Label}.role"] = role,
        [$"{ContainerSweep.Label}.state"] = _state,
    };

    private void Mark(string phase, Stopwatch clock)
    {
        _timings.Add((phase, clock.Elapsed));
        clock.Restart();
    }

    // A test host that exits without disposing the fixture (xunit skips DisposeAsync after a failed InitializeAsync
    // in some paths) still removes its containers; a killed one leaves them to the next run's sweep.
    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(60));

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static void RequireLocalAddress(string address)
    {
        var local = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Any(a => a.Address.ToString() == address);
        if (!local)
        {
            throw new InvalidOperationException(
                $"the service address {address} is not an address of this network namespace: the containers share the engine's "
                + "network and the aggregator proxies to that address. Start the engine with tests/e2e/docker-engine.sh up and run the "
                + "tests inside its namespace (ip netns exec $AUTOSCALER_E2E_NETNS dotnet test ...), or use tests/e2e/run.sh.");
        }
    }

    private static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
