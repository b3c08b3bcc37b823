using System.Net;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>The real adapter program (Autoscaler.MetricsAdapter.dll from the test output) on a loopback HTTPS port.</summary>
internal sealed class AdapterProcess : IDisposable
{
    private readonly ExternalProcess _process;

    private AdapterProcess(ExternalProcess process, int port, string logPath)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
        Http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        {
            BaseAddress = new Uri($"https://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public int Port { get; }

    public string LogPath { get; }

    /// <summary>A client that trusts the adapter's self-signed certificate.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the adapter without Kubernetes (auth disabled: these tests are about sources, not RBAC).</summary>
    public static async Task<AdapterProcess> StartAsync(string workDirectory, IEnumerable<string> sourceArguments, int port)
    {
        var log = Path.Combine(workDirectory, "adapter.log");
        var process = ExternalProcess.StartServer(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Autoscaler.MetricsAdapter.dll"), "--secure-port", port.ToString(), "--bind-address", "127.0.0.1",
             "--insecure-disable-auth", "--authentication-skip-lookup", .. sourceArguments],
            log);
        var adapter = new AdapterProcess(process, port, log);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                await adapter.Http.GetAsync("livez");
                return adapter;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(300);
            }
        }

        adapter.Dispose();
        throw new InvalidOperationException("the adapter did not start: " + File.ReadAllText(log));
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
    }
}
