using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>One autoscaler-controller replica as a separate process (the built dll), killed on dispose.</summary>
internal sealed class ControllerProcess : IDisposable
{
    private readonly Process _process;

    private ControllerProcess(Process process, string identity, int port, string log)
    {
        _process = process;
        Identity = identity;
        Port = port;
        Log = log;
    }

    public string Identity { get; }

    public int Port { get; }

    public string Log { get; }

    public bool Exited => _process.HasExited;

    public static ControllerProcess Start(string kubeconfig, string ns, string identity)
    {
        var dll = ControllerCluster.RepoFile("src/Autoscaler.Controller/bin/Debug/net10.0/autoscaler-controller.dll");
        var port = FreePort();
        var log = Path.Combine(Path.GetTempPath(), $"autoscaler-controller-{ns}-{identity}.log");
        var info = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                "-c", "exec dotnet \"$0\" \"$@\" >\"$LOG\" 2>&1", dll,
                "--kubeconfig", kubeconfig, "--namespace", ns, "--lease-namespace", ns, "--lease-name", "controller", "--identity", identity,
                "--sync-period", "2s", "--lease-duration", "15s", "--renew-deadline", "10s", "--retry-period", "2s", "--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            UseShellExecute = false,
        };
        info.Environment["LOG"] = log;
        var process = Process.Start(info) ?? throw new InvalidOperationException("the controller did not start");
        return new ControllerProcess(process, identity, port, log);
    }

    public async Task<string> MetricsAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        return await http.GetStringAsync($"http://127.0.0.1:{Port}/metrics");
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
