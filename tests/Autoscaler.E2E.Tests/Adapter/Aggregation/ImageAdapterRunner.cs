using Autoscaler.E2E.Tests.Fixtures.Containers;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// The adapter as a container of its FROM-scratch image (images/build.sh adapter), run as manifests/adapter's
/// Deployment runs it: the image's non-root user, read-only root filesystem, no capabilities, the store on a tmpfs
/// (the Deployment's <c>emptyDir</c>) at <see cref="DataDirectory"/>. It shares the test namespace's network
/// (engine host network), so it binds the same addresses as the process would. The deployment's directory
/// (certificate, key, kubeconfig, CA) is mounted read-only at its own path, so the arguments need no translation.
/// </summary>
/// <param name="tag">A locally built adapter image.</param>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class ImageAdapterRunner(string tag) : IAdapterRunner
{
    /// <summary>Where the store lives inside the container, as in manifests/adapter/20-deployment.yaml.</summary>
    public const string DataDirectory = "/var/lib/autoscaler";

    private IContainer? _container;
    private FileStream? _log;

    /// <summary>The container's id once started (null before).</summary>
    public string? ContainerId => _container?.Id;

    public string DatabasePath(string workDirectory) => DataDirectory + "/samples.db";

    public async Task StartAsync(IReadOnlyList<string> arguments, string workDirectory, string logPath)
    {
        // The image's uid 1654 is not the test's user: it must be able to enter the directory and read the files
        // (generate-cert writes tls.key 0600). Test-only copies in a temporary directory; the Deployment mounts a Secret.
        File.SetUnixFileMode(workDirectory, (UnixFileMode)0b111_101_101);
        foreach (var file in Directory.EnumerateFiles(workDirectory))
        {
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        }

        // Unbuffered, so a failure report reads everything the container printed.
        _log = new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        _container = ScratchImage.Hardened(tag, "adapter-image", host =>
                host.Tmpfs = new Dictionary<string, string> { [DataDirectory] = "rw,nosuid,nodev,noexec,size=64m,uid=1654,gid=1654,mode=0700" })
            .WithBindMount(workDirectory, workDirectory, AccessMode.ReadOnly)
            .WithCommand([.. arguments])
            .WithOutputConsumer(Consume.RedirectStdoutAndStderrToStream(_log, _log))
            .Build();
        await _container.StartAsync();
    }

    public async Task<bool> HasExitedAsync() => _container is null || !(await ScratchImage.InspectAsync(_container.Id)).Running;

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        if (_log is not null)
        {
            await _log.DisposeAsync();
        }
    }
}
