using System.Reflection;
using System.Runtime.InteropServices;
using Autoscaler.MetricsAdapter.Api;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Discovery;

/// <summary>Serves <c>GET /</c> (the root paths) and <c>GET /version</c> the way a Kubernetes API server does.</summary>
internal static class RootHandler
{
    /// <summary>Non-API paths served besides the groups (health, telemetry, version).</summary>
    private static readonly string[] OtherPaths = ["/healthz", "/livez", "/metrics", "/readyz", "/version"];

    private static readonly Lazy<VersionInfoBody> Version = new(BuildVersion);

    public static Task RootPathsAsync(HttpContext context)
    {
        var paths = new List<string> { "/apis" };
        foreach (var (group, versions) in ApiGroups.Versions)
        {
            paths.Add($"/apis/{group}");
            paths.AddRange(versions.Select(v => $"/apis/{group}/{v}"));
        }

        paths.AddRange(OtherPaths);
        paths.Sort(StringComparer.Ordinal);
        return JsonResponses.WriteAsync(context, 200, new RootPathsBody { Paths = paths }, AdapterJson.Context.RootPathsBody);
    }

    public static Task VersionAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, 200, Version.Value, AdapterJson.Context.VersionInfoBody);

    private static VersionInfoBody BuildVersion()
    {
        var assembly = typeof(RootHandler).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var semver = plus < 0 ? informational : informational[..plus];
        var commit = plus < 0 ? string.Empty : informational[(plus + 1)..];
        var version = assembly.GetName().Version ?? new Version(0, 0);
        return new VersionInfoBody
        {
            Major = version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Minor = version.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            GitVersion = "v" + semver,
            GitCommit = commit,
            GitTreeState = string.Empty,
            BuildDate = string.Empty,
            GoVersion = RuntimeInformation.FrameworkDescription,
            Compiler = "dotnet",
            Platform = $"{GoOs()}/{GoArch()}",
        };
    }

    private static string GoOs() =>
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : "unknown";

    private static string GoArch() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.X86 => "386",
        Architecture.Arm => "arm",
        var other => other.ToString().ToLowerInvariant(),
    };
}
