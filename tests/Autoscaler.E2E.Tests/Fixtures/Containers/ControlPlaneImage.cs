using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Autoscaler.E2E.Tests.Adapter;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Images;

namespace Autoscaler.E2E.Tests.Fixtures.Containers;

/// <summary>
/// The control plane's image, built locally from <c>tests/e2e/image/Dockerfile</c> (<c>FROM scratch</c>):
/// etcd (Debian's <c>etcd-server</c> binary plus the shared libraries <c>ldd</c> lists, at the same paths),
/// kube-apiserver and kube-controller-manager from the cached v1.20.2 build. The tag is a hash of every file's
/// path, size and modification time, so an unchanged machine reuses the image (warm start) and a rebuilt
/// binary gets a new one; nothing is ever pulled.
/// </summary>
internal static partial class ControlPlaneImage
{
    /// <summary>Path of etcd inside the image.</summary>
    public const string Etcd = "/usr/bin/etcd";

    /// <summary>Path of kube-apiserver inside the image.</summary>
    public const string ApiServer = "/usr/local/bin/kube-apiserver";

    /// <summary>Path of kube-controller-manager inside the image.</summary>
    public const string ControllerManager = "/usr/local/bin/kube-controller-manager";

    /// <summary>Builds the image when no image with this content's tag exists; returns it.</summary>
    /// <param name="binDir">Directory with kube-apiserver and kube-controller-manager (the lib-build.sh cache).</param>
    /// <param name="workDir">Scratch directory for the build context (deleted afterwards).</param>
    /// <param name="labels">Labels put on the image.</param>
    /// <returns>The image, ready for a container builder.</returns>
    /// <exception cref="FileNotFoundException">A binary is missing: run tests/e2e/lib-build.sh.</exception>
    public static async Task<IFutureDockerImage> BuildAsync(string binDir, string workDir, IReadOnlyDictionary<string, string> labels)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ApiServer] = Path.Combine(binDir, "kube-apiserver"),
            [ControllerManager] = Path.Combine(binDir, "kube-controller-manager"),
            [Etcd] = FindOnPath("etcd"),
        };
        foreach (var library in await SharedLibrariesAsync(files[Etcd]))
        {
            files[library] = library;
        }

        foreach (var (_, source) in files)
        {
            if (!File.Exists(source))
            {
                throw new FileNotFoundException($"{source} is missing: run tests/e2e/lib-build.sh (installs etcd-server, builds the Kubernetes binaries)", source);
            }
        }

        var context = Path.Combine(workDir, "image-context");
        if (Directory.Exists(context))
        {
            Directory.Delete(context, recursive: true);
        }

        foreach (var (target, source) in files)
        {
            var copy = Path.Combine(context, "rootfs", target.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(source, copy); // follows symlinks and keeps the mode: the image gets the files themselves
        }

        File.Copy(RepositoryPaths.Of("tests", "e2e", "image", "Dockerfile"), Path.Combine(context, "Dockerfile"));
        UsePrivateTempDirectory(workDir);
        var builder = new ImageFromDockerfileBuilder()
            .WithName($"autoscaler-e2e/control-plane:{ContentTag(files)}")
            .WithDockerfileDirectory(context)
            .WithContextDirectory(context)
            .WithDockerfile("Dockerfile")
            .WithImageBuildPolicy(PullPolicy.Missing)
            .WithDeleteIfExists(false)
            .WithCleanUp(false);
        foreach (var (key, value) in labels)
        {
            builder = builder.WithLabel(key, value);
        }

        var image = builder.Build();
        try
        {
            await image.CreateAsync();
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }

        return image;
    }

    /// <summary>
    /// Points this process's temporary directory (<c>TMPDIR</c>, read by <see cref="Path.GetTempPath"/> on every call) at
    /// <see cref="PrivateTempDirectory"/>. Testcontainers writes the build context's tar to <c>{temp}/{image name}.tar</c>
    /// and deletes it after the build; the image name is the content tag, the same on every engine of this machine, so
    /// two test runs building at once in a shared /tmp deleted each other's tar ("Could not find file
    /// '/tmp/autoscaler-e2e-control-plane-….tar'", seen with two developers' runs). Child processes the tests start
    /// inherit the private directory, which docker-engine.sh down deletes with the state.
    /// </summary>
    private static void UsePrivateTempDirectory(string workDir)
    {
        if (PrivateTempDirectory(workDir, Path.GetTempPath()) is { } tmp)
        {
            Directory.CreateDirectory(tmp);
            Environment.SetEnvironmentVariable("TMPDIR", tmp);
        }
    }

    /// <summary>The temporary directory a run in <paramref name="workDir"/> must use: <c>{workDir}/tmp</c>, or null when <paramref name="currentTemp"/> already lies inside <paramref name="workDir"/>.</summary>
    /// <param name="workDir">The run's state directory.</param>
    /// <param name="currentTemp">The temporary directory in use (<see cref="Path.GetTempPath"/>).</param>
    /// <returns>The directory to switch to, or null to keep the current one.</returns>
    internal static string? PrivateTempDirectory(string workDir, string currentTemp)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workDir));
        var current = Path.GetFullPath(currentTemp);
        return current.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? null : Path.Combine(root, "tmp");
    }

    internal static string ContentTag(IReadOnlyDictionary<string, string> files)
    {
        var key = new StringBuilder(File.ReadAllText(RepositoryPaths.Of("tests", "e2e", "image", "Dockerfile")));
        foreach (var (target, source) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var info = new FileInfo(source);
            var resolved = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
            key.Append(CultureInfo.InvariantCulture, $"|{target}|{resolved.Length}|{resolved.LastWriteTimeUtc.Ticks}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..16];
    }

    private static async Task<IReadOnlyList<string>> SharedLibrariesAsync(string binary)
    {
        var (code, stdout, stderr) = await ExternalProcess.RunAsync("ldd", [binary], TimeSpan.FromSeconds(30));
        if (code != 0)
        {
            throw new InvalidOperationException($"ldd {binary} failed ({code}): {stderr}");
        }

        return LibraryPaths(stdout);
    }

    /// <summary>
    /// The files in <c>ldd</c>'s output: "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" and the loader line
    /// "/lib64/ld-linux-x86-64.so.2 (0x...)"; not the kernel's linux-vdso.so.1, which has no file.
    /// </summary>
    /// <exception cref="InvalidOperationException">A library ldd could not find ("=> not found").</exception>
    internal static IReadOnlyList<string> LibraryPaths(string lddOutput)
    {
        if (lddOutput.Split('\n').FirstOrDefault(l => l.Contains("not found", StringComparison.Ordinal)) is { } missing)
        {
            throw new InvalidOperationException($"ldd cannot find a library: {missing.Trim()}");
        }

        return [.. LibraryPath().Matches(lddOutput).Select(m => m.Groups["path"].Value)];
    }

    private static string FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"{name} is not on PATH: install Debian's etcd-server (tests/e2e/lib-build.sh does)");

    [GeneratedRegex(@"^\s*(?:\S+ => )?(?<path>/\S+) \(0x", RegexOptions.Multiline)]
    private static partial Regex LibraryPath();
}
