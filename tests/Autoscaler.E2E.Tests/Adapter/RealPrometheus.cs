using System.Net;
using System.Net.Sockets;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>Debian's Prometheus on a loopback port, scraping given targets every second; can be stopped and restarted.</summary>
internal sealed class RealPrometheus : IDisposable
{
    public const string Binary = "/usr/bin/prometheus";
    private readonly string _directory;
    private ExternalProcess? _process;

    public RealPrometheus(string directory, IEnumerable<(string Job, int Port, string Namespace)> targets, string extraScrapeConfigs = "")
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        Port = FreePort();
        var scrapeConfigs = string.Concat(targets.Select(t => $"""
              - job_name: {t.Job}
                static_configs:
                  - targets: ['127.0.0.1:{t.Port}']
                    labels: {"{"}namespace: {t.Namespace}{"}"}

            """));
        File.WriteAllText(ConfigPath, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
            {scrapeConfigs}{extraScrapeConfigs}
            """);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public string ConfigPath => Path.Combine(_directory, "prometheus.yml");

    /// <summary>More command-line flags, e.g. <c>--web.enable-remote-write-receiver</c>.</summary>
    public IList<string> ExtraFlags { get; } = [];

    public async Task StartAsync()
    {
        _process = ExternalProcess.StartServer(
            Binary,
            [$"--config.file={ConfigPath}", $"--storage.tsdb.path={Path.Combine(_directory, "tsdb")}", $"--web.listen-address=127.0.0.1:{Port}", "--log.level=warn", .. ExtraFlags],
            Path.Combine(_directory, "prometheus.log"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await Fixtures.Eventually.Async("Prometheus answering /-/ready", async seen =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("the prometheus process exited");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri(Url, "-/ready"));
                    seen($"{(int)response.StatusCode}");
                    return response.IsSuccessStatusCode ? "ready" : null;
                }
                catch (HttpRequestException e)
                {
                    seen(e.Message);
                    return null;
                }
            }, TimeSpan.FromSeconds(60));
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Prometheus did not become ready ({e.Message}): " + File.ReadAllText(Path.Combine(_directory, "prometheus.log")), e);
        }
    }

    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
