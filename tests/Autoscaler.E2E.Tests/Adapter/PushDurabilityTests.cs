using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Autoscaler.E2E.Tests.Adapter.Aggregation;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// <c>kill -9</c> of the adapter in the middle of a push stream (issue #15): four pushers send batches concurrently
/// while the real adapter process is killed with SIGKILL; after a restart on the same SQLite file every push that was
/// acknowledged is served, and every push that was not was reported to its client as a failure.
/// </summary>
[Trait("Category", "Adapter")]
public sealed class PushDurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const string Path = "apis/external.metrics.k8s.io/v1beta1/namespaces/durable/pushed";
    private readonly string _work = Directory.CreateTempSubdirectory("adapter-durability-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Every_acknowledged_push_survives_a_sigkill_and_the_rest_were_reported_as_failures()
    {
        var database = System.IO.Path.Combine(_work, "samples.db");
        var pushPort = FreePort();
        string[] Arguments(int port) => [$"--Grpc:Port={port}", "--Grpc:ListenAddress=127.0.0.1", $"--Storage:DatabasePath={database}", "--Staleness:MaxAge=00:10:00"];
        var adapter = await AdapterProcess.StartAsync(Directory.CreateDirectory(System.IO.Path.Combine(_work, "first")).FullName, Arguments(pushPort), FreePort());
        var acknowledged = new ConcurrentBag<int>();
        var failed = new ConcurrentBag<int>();
        var next = 0;
        var killed = false;

        async Task PushUntilKilled()
        {
            using var push = new GrpcPushClient(pushPort);
            while (true)
            {
                var seq = Interlocked.Increment(ref next);
                var request = new PushRequest { Namespace = "durable", Samples = { new Sample { Name = "pushed", Value = seq, Labels = { ["seq"] = $"{seq}" } } } };
                try
                {
                    var (status, _, accepted) = await push.TrySendAsync(request);
                    (status == "0" && accepted == 1 ? acknowledged : failed).Add(seq);
                }
                catch (HttpRequestException)
                {
                    failed.Add(seq);
                }

                if (Volatile.Read(ref killed) && !failed.IsEmpty)
                {
                    return;
                }
            }
        }

        var pushers = Enumerable.Range(0, 4).Select(_ => Task.Run(PushUntilKilled)).ToArray();
        await Fixtures.Eventually.TrueAsync(() => Task.FromResult(acknowledged.Count >= 300), TimeSpan.FromSeconds(60),
            () => Task.FromResult($"{acknowledged.Count} acknowledged, {failed.Count} failed"));
        adapter.Dispose(); // Process.Kill: SIGKILL, no shutdown hooks
        Volatile.Write(ref killed, true);
        await Task.WhenAll(pushers);

        using var restarted = await AdapterProcess.StartAsync(Directory.CreateDirectory(System.IO.Path.Combine(_work, "second")).FullName, Arguments(FreePort()), FreePort());
        var (code, body) = await restarted.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, code);
        var served = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => int.Parse(i.GetProperty("metricLabels").GetProperty("seq").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
        output.WriteLine($"{acknowledged.Count} acknowledged, {failed.Count} failed, {served.Count} served after the restart");

        var lost = acknowledged.Where(seq => !served.Contains(seq)).Order().ToList();
        Assert.True(lost.Count == 0, $"acknowledged but missing after the restart: {string.Join(",", lost)}");
        Assert.NotEmpty(failed);
        // A push the client saw fail may or may not have been committed before the kill (it was never acknowledged);
        // anything served must have been sent by a pusher.
        Assert.All(served, seq => Assert.InRange(seq, 1, Volatile.Read(ref next)));
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
