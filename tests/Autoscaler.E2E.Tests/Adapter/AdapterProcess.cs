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

    /// <summary>The adapter's process id (for /proc readings).</summary>
    public int ProcessId => _process.Id;

    public string LogPath { get; }

    /// <summary>A client that trusts the adapter's self-signed certificate.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the adapter without Kubernetes (auth disabled unless <paramref name="insecureDisableAuth"/> is
    /// false: these tests are about sources, not RBAC; trust material only from flags).</summary>
    public static async Task<AdapterProcess> StartAsync(string workDirectory, IEnumerable<string> sourceArguments, int port, bool insecureDisableAuth = true)
    {
        var log = Path.Combine(workDirectory, "adapter.log");
        var process = ExternalProcess.StartServer(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Autoscaler.MetricsAdapter.dll"), "--secure-port", port.ToString(), "--bind-address", "127.0.0.1",
             .. (insecureDisableAuth ? new[] { "--insecure-disable-auth" } : []), "--authentication-skip-lookup", .. sourceArguments],
            log);
        var adapter = new AdapterProcess(process, port, log);
        try
        {
            await Fixtures.Eventually.Async("the adapter answering /livez", async seen =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException("the adapter process exited");
                }

                try
                {
                    using var response = await adapter.Http.GetAsync("livez");
                    return "live";
                }
                catch (HttpRequestException e)
                {
                    seen(e.Message);
                    return null;
                }
            }, TimeSpan.FromSeconds(60));
            return adapter;
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            adapter.Dispose();
            throw new InvalidOperationException($"the adapter did not start ({e.Message}): " + File.ReadAllText(log), e);
        }
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
