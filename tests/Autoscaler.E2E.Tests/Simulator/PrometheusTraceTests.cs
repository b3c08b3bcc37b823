using System.Globalization;
using System.Text;
using Autoscaler.E2E.Tests.Adapter;
using Autoscaler.Simulator.Cli;

namespace Autoscaler.E2E.Tests.Simulator;

/// <summary>
/// Issue 13: the simulator reads its trace from Debian's real Prometheus (query_range, chunked) and from a saved
/// query_range response, with history written through Prometheus's own TSDB by
/// <c>promtool tsdb create-blocks-from openmetrics</c>. Both give the replay the CSV of the same numbers gives.
/// Runs in the Adapter category because it shares the adapter suite's dependency: a real Prometheus on loopback.
/// </summary>
[Trait("Category", "Adapter")]
public sealed class PrometheusTraceTests : IAsyncLifetime
{
    private const int Minutes = 8 * 1440; // 11,520 one-minute points: more than one query_range request holds
    private readonly string _work = Path.Combine(Path.GetTempPath(), "sim-prom-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly DateTimeOffset _start;
    private ExternalProcess? _prometheus;
    private Uri? _url;

    public PrometheusTraceTests()
    {
        // Recent enough for the default 15-day retention; whole minutes so the grid is exact.
        var now = DateTimeOffset.UtcNow;
        _start = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero).AddDays(-10);
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        var openMetrics = new StringBuilder("# TYPE demand_per_minute gauge\n");
        var csv = new StringBuilder("timestamp,value\n");
        for (var i = 0; i < Minutes; i++)
        {
            var time = _start.AddMinutes(i);
            foreach (var job in new[] { "web", "batch" })
            {
                var value = Demand(i) / (job == "web" ? 1 : 10);
                openMetrics.Append(CultureInfo.InvariantCulture, $"demand_per_minute{{job=\"{job}\"}} {value} {time.ToUnixTimeSeconds()}\n");
            }

            csv.Append(CultureInfo.InvariantCulture, $"{time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{Demand(i)}\n");
        }

        openMetrics.Append("# EOF\n");
        await File.WriteAllTextAsync(Path.Combine(_work, "data.om"), openMetrics.ToString());
        await File.WriteAllTextAsync(Path.Combine(_work, "trace.csv"), csv.ToString());
        var tsdb = Path.Combine(_work, "tsdb");
        var created = await ExternalProcess.RunAsync("/usr/bin/promtool", ["tsdb", "create-blocks-from", "openmetrics", Path.Combine(_work, "data.om"), tsdb], TimeSpan.FromMinutes(3));
        Assert.True(created.ExitCode == 0, created.Stderr);
        await File.WriteAllTextAsync(Path.Combine(_work, "prometheus.yml"), "global:\n  scrape_interval: 1m\n");
        var port = RealPrometheus.FreePort();
        _url = new Uri($"http://127.0.0.1:{port}/");
        _prometheus = ExternalProcess.StartServer(
            RealPrometheus.Binary,
            [$"--config.file={Path.Combine(_work, "prometheus.yml")}", $"--storage.tsdb.path={tsdb}", $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
            Path.Combine(_work, "prometheus.log"));
        await WaitForDataAsync();
    }

    public Task DisposeAsync()
    {
        _prometheus?.Dispose();
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void ReplayFromPrometheusInChunksEqualsReplayFromTheCsv()
    {
        var (from, to) = Range();
        var fromPrometheus = Replay("--prometheus", _url!.ToString(), "--query", "demand_per_minute{job=\"web\"}", "--from", from, "--to", to);
        var fromCsv = Replay("--trace", Path.Combine(_work, "trace.csv"), "--from", from, "--to", to);

        Assert.Contains("prometheus: chunk 1/2: 10000 samples", fromPrometheus.Stderr, StringComparison.Ordinal);
        Assert.Contains("prometheus: chunk 2/2: 1520 samples", fromPrometheus.Stderr, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(fromCsv.Out, "timeline.csv")), File.ReadAllBytes(Path.Combine(fromPrometheus.Out, "timeline.csv")));
        Assert.Equal(fromCsv.Stdout.Split('\n')[0], fromPrometheus.Stdout.Split('\n')[0]);
    }

    [Fact]
    public void CompareFromPrometheusEqualsCompareFromTheCsv()
    {
        var (from, to) = Range();
        string[] scenarios =
        [
            "--scenario", RepositoryPaths.Of("simulator", "scenarios", "wc98-tuned.yaml"),
            "--hpa", RepositoryPaths.Of("simulator", "manifests", "wc98-hpa.yaml"), "--hpa-name", "web",
            "--workload", RepositoryPaths.Of("simulator", "manifests", "wc98-workload.yaml"),
        ];
        var fromPrometheus = Run("compare", "compare.csv", ["--prometheus", _url!.ToString(), "--query", "demand_per_minute{job=\"web\"}", "--from", from, "--to", to, .. scenarios]);
        var fromCsv = Run("compare", "compare.csv", ["--trace", Path.Combine(_work, "trace.csv"), "--from", from, "--to", to, .. scenarios]);

        Assert.Contains("prometheus: chunk 2/2: 1520 samples", fromPrometheus.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, fromCsv.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + two scenarios
        Assert.Equal(fromCsv.Output, fromPrometheus.Output);
    }

    [Fact]
    public void BacktestFromPrometheusEqualsBacktestFromTheCsv()
    {
        var (from, to) = Range();
        string[] models = ["--horizon", "30m", "--step", "6h", "--history", "3d", "--models", "persistence,seasonal-naive:1d,holt-winters"];
        var fromPrometheus = Run("backtest", null, ["--prometheus", _url!.ToString(), "--query", "demand_per_minute{job=\"web\"}", "--query-step", "1m", "--from", from, "--to", to, .. models]);
        var fromCsv = Run("backtest", null, ["--trace", Path.Combine(_work, "trace.csv"), .. models]);

        Assert.Contains("prometheus: chunk 1/2: 10000 samples", fromPrometheus.Stderr, StringComparison.Ordinal);
        Assert.True(fromCsv.Output.Split('\n').Length > 100, fromCsv.Output);
        Assert.Equal(fromCsv.Output, fromPrometheus.Output);
    }

    [Fact]
    public async Task ASavedQueryRangeResponseIsATraceFile()
    {
        using var http = new HttpClient();
        var end = _start.AddDays(5).ToUnixTimeSeconds();
        var json = await http.GetStringAsync(new Uri(_url!, $"api/v1/query_range?query=demand_per_minute%7Bjob%3D%22web%22%7D&start={_start.ToUnixTimeSeconds()}&end={end}&step=60s"));
        var saved = Path.Combine(_work, "saved.json");
        await File.WriteAllTextAsync(saved, json);
        var (from, to) = (_start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), _start.AddDays(5).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

        var fromJson = Replay("--trace", saved, "--from", from, "--to", to);
        var fromCsv = Replay("--trace", Path.Combine(_work, "trace.csv"), "--from", from, "--to", to);

        Assert.Equal(File.ReadAllBytes(Path.Combine(fromCsv.Out, "timeline.csv")), File.ReadAllBytes(Path.Combine(fromJson.Out, "timeline.csv")));
    }

    [Fact]
    public void AQueryWithSeveralSeriesIsOneClearError()
    {
        var (from, to) = Range();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = VerbDispatcher.Run(
            ["replay", "--prometheus", _url!.ToString(), "--query", "demand_per_minute", "--from", from, "--to", to,
             "--scenario", RepositoryPaths.Of("simulator", "scenarios", "wc98-external.yaml"), "--out", Path.Combine(_work, "never")],
            stdout,
            stderr);

        Assert.Equal(2, exit);
        Assert.Contains("2 series", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("aggregate in the query", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "never")));
    }

    private static double Demand(int minute) => 8000 + Math.Round(6000 * Math.Sin(minute / 40.0)) + (minute % 997 == 0 ? 20000 : 0);

    private (string From, string To) Range() =>
        (_start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
         _start.AddMinutes(Minutes - 1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

    /// <summary>Runs a verb writing to a fresh --out (a directory, or a file when <paramref name="file"/> is null); returns that output's text.</summary>
    private (string Output, string Stderr) Run(string verb, string? file, string[] args)
    {
        var outPath = Path.Combine(_work, "out-" + Guid.NewGuid().ToString("N") + (file is null ? ".csv" : string.Empty));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = VerbDispatcher.Run([verb, .. args, "--out", outPath], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        return (File.ReadAllText(file is null ? outPath : Path.Combine(outPath, file)), stderr.ToString());
    }

    private (string Out, string Stdout, string Stderr) Replay(params string[] source)
    {
        var outDir = Path.Combine(_work, "out-" + Guid.NewGuid().ToString("N"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = VerbDispatcher.Run(["replay", .. source, "--scenario", RepositoryPaths.Of("simulator", "scenarios", "wc98-external.yaml"), "--out", outDir], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        return (outDir, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Polls until Prometheus is ready and answers for the last written sample.</summary>
    private async Task WaitForDataAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var last = _start.AddMinutes(Minutes - 1).ToUnixTimeSeconds();
        var seen = "nothing";
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && !_prometheus!.HasExited)
        {
            try
            {
                seen = await http.GetStringAsync(new Uri(_url!, $"api/v1/query?query=demand_per_minute%7Bjob%3D%22web%22%7D&time={last}"));
                if (seen.Contains("\"result\":[{", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                seen = e.Message;
            }
            catch (TaskCanceledException e)
            {
                seen = e.Message;
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"Prometheus did not serve the written blocks within 90 s; last answer: {seen}; log: {File.ReadAllText(Path.Combine(_work, "prometheus.log"))}");
    }
}
