using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.E2E.Tests.Fixtures.Containers;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using k8s;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>
/// The FROM-scratch controller image (images/build.sh, issue #11): built on this machine without a registry, run on
/// the engine's host network (the test namespace) as a non-root user, with a read-only root filesystem and no
/// capabilities (as the Deployment runs it), with only a kubeconfig mounted; it must answer
/// /readyz and take its Lease on the real control plane, which proves the shipped shared libraries, TLS through the
/// image's libssl (the apiserver is HTTPS) and the self-contained runtime all work.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Controller")]
public sealed class ControllerImageTests(ControlPlaneFixture cp, ITestOutputHelper output)
{
    private const string Tag = "autoscaler/controller:e2e";
    private readonly ControllerCluster _cluster = new(cp);

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_scratch_image_runs_as_non_root_reaches_readyz_and_takes_the_lease()
    {
        await ScratchImage.BuildAsync("controller", Tag, output.WriteLine);

        await _cluster.InstallAsync();
        var ns = await _cluster.NamespaceAsync("ctl-image");

        // The fixture's kubeconfig names key files the image's uid may not read: a flattened copy (data inline),
        // readable by anyone, is the only file the container gets.
        var config = Directory.CreateTempSubdirectory("autoscaler-controller-image-");
        var kubeconfig = Path.Combine(config.FullName, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, await _cluster.Kubectl("config", "view", "--raw", "--flatten", "--minify"));
        File.SetUnixFileMode(kubeconfig, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(config.FullName, (UnixFileMode)0b111_101_101);

        var port = FreePort();
        const string identity = "image-replica";
        using var stdoutLog = new MemoryStream();
        using var stderrLog = new MemoryStream();
        // As manifests/controller/30-deployment.yaml runs it: read-only root filesystem, no capabilities.
        await using var container = ScratchImage.Hardened(Tag, "controller-image")
            .WithBindMount(config.FullName, "/config", AccessMode.ReadOnly)
            .WithCommand("--kubeconfig", "/config/kubeconfig", "--namespace", ns, "--lease-namespace", ns, "--lease-name", "controller",
                "--identity", identity, "--sync-period", "2s", "--http-port", port.ToString(CultureInfo.InvariantCulture))
            .WithOutputConsumer(Consume.RedirectStdoutAndStderrToStream(stdoutLog, stderrLog))
            .Build();
        try
        {
            await container.StartAsync();
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Eventually.TrueAsync($"the container's /readyz on 127.0.0.1:{port} answering 200", async seen =>
            {
                Assert.Equal(TestcontainersStates.Running, container.State);
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
                seen($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return response.StatusCode == HttpStatusCode.OK;
            }, TimeSpan.FromSeconds(90), e => Eventually.ApiOrHttpError(e) || e is TaskCanceledException);

            await Eventually.TrueAsync($"{identity} holding Lease {ns}/controller", async seen =>
            {
                var lease = await _cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("controller", ns);
                seen($"holder '{lease.Spec?.HolderIdentity}'");
                return lease.Spec?.HolderIdentity == identity;
            }, TimeSpan.FromSeconds(60), Eventually.ApiOrHttpError);

            var version = await container.ExecAsync(["/app/entrypoint", "--version"]);
            Assert.True(version.ExitCode == 0, $"/app/entrypoint --version in the container: exit {version.ExitCode}, {version.Stderr}");
            output.WriteLine($"version in the image: {version.Stdout.Trim()}");
            Assert.Equal(ScratchImage.User, (await ScratchImage.InspectAsync(container.Id)).User);
            output.WriteLine(await ScratchImage.DescribeAsync(Tag));
        }
        finally
        {
            output.WriteLine("--- container log tail ---");
            var log = System.Text.Encoding.UTF8.GetString(stdoutLog.ToArray()) + System.Text.Encoding.UTF8.GetString(stderrLog.ToArray());
            output.WriteLine(string.Join("\n", log.Split('\n').TakeLast(15)));
            config.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
