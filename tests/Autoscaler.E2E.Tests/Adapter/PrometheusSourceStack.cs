namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// The Prometheus source on loopback against Debian's real Prometheus: the demo app exposing a
/// <c>queue_length</c> gauge in namespace <c>shop</c>, a Prometheus scraping it, and the adapter's sources
/// (push off) reading it through the given rules. Everything started is stopped on dispose, also when
/// starting fails half-way.
/// </summary>
internal sealed class PrometheusSourceStack : IAsyncDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "adapter-prom-" + Guid.NewGuid().ToString("N"));

    private PrometheusSourceStack()
    {
    }

    public DemoQueueApp Demo { get; private set; } = null!;

    public RealPrometheus Prometheus { get; private set; } = null!;

    public SourcesTestHost Host { get; private set; } = null!;

    /// <param name="rules">A prometheus-adapter rules file's text.</param>
    /// <param name="settings">Source settings beside the Prometheus URL and rules file (timeouts, staleness).</param>
    public static async Task<PrometheusSourceStack> StartAsync(string rules, IReadOnlyDictionary<string, string?> settings)
    {
        var stack = new PrometheusSourceStack();
        try
        {
            Directory.CreateDirectory(stack._work);
            stack.Demo = await DemoQueueApp.StartAsync();
            stack.Prometheus = new RealPrometheus(Path.Combine(stack._work, "prometheus"), [("demo", stack.Demo.Port, "shop")]);
            await stack.Prometheus.StartAsync();
            var rulesFile = Path.Combine(stack._work, "adapter-rules.yaml");
            await File.WriteAllTextAsync(rulesFile, rules);
            var all = new Dictionary<string, string?>(settings)
            {
                ["Push:Enabled"] = "false",
                ["Prometheus:Url"] = stack.Prometheus.Url.ToString(),
                ["Prometheus:RulesFile"] = rulesFile,
            };
            stack.Host = await SourcesTestHost.StartAsync(all);
            return stack;
        }
        catch
        {
            // xunit does not dispose a fixture whose setup failed: stop what was started.
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        Prometheus?.Dispose();
        if (Demo is not null)
        {
            await Demo.DisposeAsync();
        }

        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
