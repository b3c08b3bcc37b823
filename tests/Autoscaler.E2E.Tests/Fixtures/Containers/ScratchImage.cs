using Autoscaler.E2E.Tests.Adapter;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;

namespace Autoscaler.E2E.Tests.Fixtures.Containers;

/// <summary>
/// The FROM-scratch app images of images/build.sh (docs/container-image.md) in e2e tests: builds one on the test's
/// engine and starts it the way the shipped Deployments run it (host network of the test namespace, read-only root
/// filesystem, every capability dropped, the image's own non-root user). Shared by the controller and adapter image tests.
/// </summary>
internal static class ScratchImage
{
    /// <summary>The numeric user (uid:gid) images/Dockerfile runs as; files a container reads must be readable by it.</summary>
    public const string User = "1654:1654";

    /// <summary>Runs <c>images/build.sh <paramref name="app"/> <paramref name="tag"/></c> against DOCKER_HOST (15 min at most).</summary>
    /// <param name="app"><c>controller</c> or <c>adapter</c>.</param>
    /// <param name="tag">The image tag to build.</param>
    /// <param name="log">Receives build.sh's progress lines (its stderr).</param>
    /// <exception cref="InvalidOperationException">build.sh failed or did not print the tag.</exception>
    public static async Task BuildAsync(string app, string tag, Action<string> log)
    {
        var (code, stdout, stderr) = await ExternalProcess.RunAsync("bash", [RepositoryPaths.Of("images", "build.sh"), app, tag], TimeSpan.FromMinutes(15));
        log(stderr);
        if (code != 0 || stdout.Trim() != tag)
        {
            throw new InvalidOperationException($"images/build.sh {app} {tag} failed (exit {code}, stdout '{stdout.Trim()}'): {stderr}");
        }
    }

    /// <summary>
    /// A container of <paramref name="tag"/> (never pulled) as manifests/*/deployment runs it: the engine's host network
    /// (inside the test namespace, so loopback and the namespace's service address are the test's own), read-only
    /// root filesystem, all capabilities dropped, the image's user. Add mounts, command and output consumer.
    /// </summary>
    /// <param name="tag">A locally built image.</param>
    /// <param name="role">Value of the <c>org.autoscaler.e2e</c> label (which test's container this is).</param>
    /// <param name="host">Further HostConfig settings (e.g. a tmpfs for the adapter's store), or null.</param>
    public static ContainerBuilder Hardened(string tag, string role, Action<HostConfig>? host = null) =>
        new ContainerBuilder(tag)
            .WithImagePullPolicy(PullPolicy.Never)
            .WithLabel(ContainerSweep.Label, role)
            .WithCreateParameterModifier(p =>
            {
                var config = p.HostConfig ??= new HostConfig();
                config.NetworkMode = "host";
                config.ReadonlyRootfs = true;
                config.CapDrop = ["ALL"];
                host?.Invoke(config);
            });

    /// <summary>The engine's view of a container: its user, whether its root filesystem is read-only, whether it still runs.</summary>
    /// <param name="containerId">The container's id.</param>
    public static async Task<(string? User, bool ReadOnlyRoot, bool Running)> InspectAsync(string containerId)
    {
        using var docker = Client();
        var inspect = await docker.Containers.InspectContainerAsync(containerId);
        return (inspect.Config?.User, inspect.HostConfig?.ReadonlyRootfs == true, inspect.State?.Running == true);
    }

    /// <summary>One line about the image: size in bytes and layer count.</summary>
    /// <param name="tag">A local image.</param>
    public static async Task<string> DescribeAsync(string tag)
    {
        using var docker = Client();
        var image = await docker.Images.InspectImageAsync(tag);
        return $"image {tag}: {image.Size} bytes, {image.RootFS?.Layers?.Count} layer(s)";
    }

    private static Docker.DotNet.IDockerClient Client() =>
        TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(DotNet.Testcontainers.Containers.ResourceReaper.DefaultSessionId).Build();
}
