namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>The adapter as <c>dotnet src/Autoscaler.MetricsAdapter/bin/Debug/net10.0/Autoscaler.MetricsAdapter.dll</c>,
/// its store in the deployment's directory; killed on dispose.</summary>
internal sealed class ProcessAdapterRunner : IAdapterRunner
{
    private ExternalProcess? _process;

    /// <summary>The Debug build of the adapter that the e2e build produces.</summary>
    public static string AdapterDll => RepositoryPaths.Of("src", "Autoscaler.MetricsAdapter", "bin", "Debug", "net10.0", "Autoscaler.MetricsAdapter.dll");

    public string DatabasePath(string workDirectory) => Path.Combine(workDirectory, "samples.db");

    public Task StartAsync(IReadOnlyList<string> arguments, string workDirectory, string logPath)
    {
        _process = ExternalProcess.StartServer("dotnet", [AdapterDll, .. arguments], logPath);
        return Task.CompletedTask;
    }

    public Task<bool> HasExitedAsync() => Task.FromResult(_process?.HasExited ?? true);

    public ValueTask DisposeAsync()
    {
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
