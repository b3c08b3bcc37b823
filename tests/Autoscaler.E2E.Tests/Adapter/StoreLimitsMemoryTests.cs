using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// Memory stays bounded under a flood of new series (issue #15): the real adapter process with
/// <c>Storage:MaxSeries</c> at its default of 100,000 (so the figure sizes the shipped memory limit) is filled to the limit, then sent 4x as many new series, which are all refused
/// with RESOURCE_EXHAUSTED while existing series keep updating. The process's resident set (VmRSS) is read
/// from /proc at each step; after the first flood has grown the GC heap, a second one must not grow it further.
/// </summary>
[Trait("Category", "Adapter")]
public sealed class StoreLimitsMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const int Limit = 100_000; // SampleStoreOptions.MaxSeries's default
    private const int BatchSize = 1_000;
    private readonly string _work = Directory.CreateTempSubdirectory("adapter-limits-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task A_flood_of_new_series_past_the_limit_is_refused_and_memory_stays_bounded()
    {
        var pushPort = FreePort();
        using var adapter = await AdapterProcess.StartAsync(_work,
        [
            $"--Grpc:Port={pushPort}", "--Grpc:ListenAddress=127.0.0.1", $"--Storage:DatabasePath={Path.Combine(_work, "samples.db")}",
            $"--Storage:MaxSeries={Limit}", $"--Storage:MaxSeriesPerNamespace={2 * Limit}", "--Staleness:MaxAge=00:10:00",
        ], FreePort());
        using var push = new GrpcPushClient(pushPort);
        Assert.Equal("0", (await push.TrySendAsync(Batch(0, 1))).Status);
        var start = Rss(adapter.ProcessId);

        for (var b = 0; b < Limit / BatchSize; b++)
        {
            var (status, message, _) = await push.TrySendAsync(Batch(b * BatchSize, BatchSize));
            Assert.True(status == "0", $"batch {b} under the limit: grpc-status {status}: {message}");
        }

        var atLimit = Rss(adapter.ProcessId);
        var (refused1, _) = await FloodAsync(push, Limit, 2 * Limit / BatchSize);
        var afterFirst = Rss(adapter.ProcessId);
        var (refused2, lastRefusal) = await FloodAsync(push, 3 * Limit, 2 * Limit / BatchSize);
        var after = Rss(adapter.ProcessId);
        var (code, body) = await adapter.GetAsync("apis/external.metrics.k8s.io/v1beta1/namespaces/mem/queue_length?labelSelector=queue%3Dq7");
        output.WriteLine($"VmRSS: start {start / 1024} MiB, at {Limit} series {atLimit / 1024} MiB, after {2 * Limit} refused new series " +
            $"{afterFirst / 1024} MiB, after {2 * Limit} more {after / 1024} MiB; last refusal: {lastRefusal}");

        Assert.Equal(4 * Limit / BatchSize, refused1 + refused2);
        Assert.Contains("(Storage:MaxSeries)", lastRefusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Contains("\"value\"", body, StringComparison.Ordinal);
        // Unbounded, each flood of 2x the series would add about 2x (atLimit - start). The first flood may still grow
        // the GC heap (garbage of the refused batches); the second must find it at its plateau.
        Assert.True(after - afterFirst < (atLimit - start) / 4, $"memory grew from {afterFirst} KiB to {after} KiB during the second refused flood (filling {Limit} series took {atLimit - start} KiB)");
    }

    // Sends `batches` batches of new series starting at series `first`, with an update of existing series every 10th.
    private static async Task<(int Refused, string LastMessage)> FloodAsync(GrpcPushClient push, int first, int batches)
    {
        var refused = 0;
        var last = string.Empty;
        for (var b = 0; b < batches; b++)
        {
            var (status, message, _) = await push.TrySendAsync(Batch(first + (b * BatchSize), BatchSize));
            refused += status == "8" ? 1 : 0;
            last = message;
            if (b % 10 == 0)
            {
                var update = await push.TrySendAsync(Batch(1, BatchSize));
                Assert.True(update.Status == "0", $"an update of existing series during the flood: {update.Status}: {update.Message}");
            }
        }

        return (refused, last);
    }

    private static PushRequest Batch(int first, int count)
    {
        var request = new PushRequest { Namespace = "mem" };
        for (var i = first; i < first + count; i++)
        {
            request.Samples.Add(new Sample { Name = "queue_length", Value = i, Labels = { ["queue"] = $"q{i}", ["pod"] = $"worker-{i % 97}" } });
        }

        return request;
    }

    // Resident set size in KiB, from /proc/<pid>/status.
    private static long Rss(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
