namespace Autoscaler.MetricsAdapter.Discovery;

/// <summary>
/// k8s.io/apimachinery version.Info: what <c>GET /version</c> answers. Fields keep the Go names, so
/// <c>kubectl version</c> and aggregator probes read them; <c>goVersion</c> carries the .NET runtime's description
/// and <c>compiler</c> is <c>dotnet</c>, because this server is not built with Go.
/// </summary>
internal sealed class VersionInfoBody
{
    public required string Major { get; init; }

    public required string Minor { get; init; }

    public required string GitVersion { get; init; }

    public required string GitCommit { get; init; }

    public required string GitTreeState { get; init; }

    public required string BuildDate { get; init; }

    public required string GoVersion { get; init; }

    public required string Compiler { get; init; }

    public required string Platform { get; init; }
}
