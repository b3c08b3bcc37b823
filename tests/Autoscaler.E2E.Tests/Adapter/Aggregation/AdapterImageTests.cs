using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.E2E.Tests.Fixtures.Containers;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// The FROM-scratch metrics-adapter image (images/build.sh adapter, issue #11) behind the real aggregation layer:
/// built on this machine without a registry, run as manifests/adapter's Deployment runs it (non-root, read-only root
/// filesystem, no capabilities, the SQLite store on a tmpfs), registered with the shipped RBAC, Service/Endpoints and
/// APIServices by <see cref="AdapterDeployment"/>. A pushed value must come back through the apiserver's
/// external.metrics.k8s.io path and drive a real v2beta2 HPA, which proves the image's TLS (serving, and as a client
/// of the apiserver for token and access reviews), its SQLite native library and its writable store.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Adapter")]
public sealed class AdapterImageTests(ControlPlaneFixture cp, ITestOutputHelper output)
{
    private const string Tag = "autoscaler/metrics-adapter:e2e";
    private static readonly Dictionary<string, string> Orders = new() { ["queue"] = "orders" };

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_scratch_image_serves_pushed_metrics_through_the_aggregator_to_an_hpa()
    {
        await ScratchImage.BuildAsync("adapter", Tag, output.WriteLine);
        await RefusesToStartWithoutAWritableStoreAsync();

        var runner = new ImageAdapterRunner(Tag);
        // Returns once /readyz is 200, the APIServices are Available and the aggregator answers each group path.
        await using var adapter = await AdapterDeployment.StartAsync(cp, runner);
        try
        {
            var container = await ScratchImage.InspectAsync(runner.ContainerId!);
            Assert.Equal(ScratchImage.User, container.User);
            Assert.True(container.ReadOnlyRoot, "the adapter container's root filesystem is not read-only");
            output.WriteLine(await ScratchImage.DescribeAsync(Tag));

            var ns = await cp.CreateNamespaceAsync("adapter-image");
            // The push port serves TLS (the serving certificate; Grpc:Tls=Auto with a certificate file): a client that trusts
            // it but sends no token and no client certificate is UNAUTHENTICATED (16).
            using var anonymous = adapter.PushClient(null);
            Assert.Equal("16", (await anonymous.TryPushAsync(ns, "queue_length", Orders, 99)).Status);

            using var push = adapter.PushClient();
            Assert.Equal(1u, await push.PushAsync(ns, "queue_length", Orders, 2.5));
            var read = await cp.Admin.GetJsonAsync($"/apis/external.metrics.k8s.io/v1beta1/namespaces/{ns}/queue_length?labelSelector=queue%3Dorders");
            output.WriteLine($"through the aggregator: {read.GetRawText()}");
            Assert.Equal("2500m", read.GetProperty("items")[0].GetProperty("value").GetString());

            // 40 queued / 10 per replica = 4 replicas, read by the HPA controller through the aggregator from the container.
            Assert.Equal(1u, await push.PushAsync(ns, "queue_length", Orders, 40));
            await QueueWorker.ApplyAsync(adapter.Admin, ns);
            await QueueWorker.WaitReplicasAsync(cp.Admin, ns, 4);
            Assert.True((await ScratchImage.InspectAsync(runner.ContainerId!)).Running, "the adapter container stopped");
        }
        finally
        {
            output.WriteLine("--- adapter container log tail ---");
            output.WriteLine(File.Exists(adapter.LogPath) ? string.Join('\n', File.ReadLines(adapter.LogPath).TakeLast(15)) : "(no log)");
        }
    }

    /// <summary>
    /// Without a volume, the default store path (<c>/app/data/samples.db</c>) lies on the read-only root filesystem:
    /// the adapter must stop with exit code 2 and an error naming Storage:DatabasePath (it used to crash with an
    /// unhandled IOException). This is also what makes the tmpfs of <see cref="ImageAdapterRunner"/> necessary.
    /// </summary>
    private async Task RefusesToStartWithoutAWritableStoreAsync()
    {
        using var log = new MemoryStream();
        await using var refused = ScratchImage.Hardened(Tag, "adapter-image")
            .WithCommand("--secure-port", "18443", "--bind-address", "127.0.0.1", "--insecure-disable-auth", "--authentication-skip-lookup")
            .WithOutputConsumer(Consume.RedirectStdoutAndStderrToStream(log, log))
            .Build();
        try
        {
            await refused.StartAsync();
        }
        catch (ContainerNotRunningException)
        {
            // It may already have exited when Testcontainers checks it: the exit code below is what counts.
        }

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exit = await refused.GetExitCodeAsync(bound.Token);
        var text = System.Text.Encoding.UTF8.GetString(log.ToArray());
        output.WriteLine($"without a writable store: exit {exit}: {text.Trim()}");
        Assert.True(exit == 2, $"expected exit 2 without a writable store, got {exit}: {text}");
        Assert.Contains("error: Storage:DatabasePath 'data/samples.db' (/app/data/samples.db): cannot create or open the store: ", text, StringComparison.Ordinal);
    }
}
