namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// How <see cref="AdapterDeployment"/> runs the adapter program: as a <c>dotnet</c> process of the Debug build
/// (<see cref="ProcessAdapterRunner"/>, the default) or as the FROM-scratch image (<see cref="ImageAdapterRunner"/>).
/// Everything around it (RBAC, certificate, kubeconfig, Service/Endpoints, APIServices) is the same for both.
/// </summary>
internal interface IAdapterRunner : IAsyncDisposable
{
    /// <summary>The <c>--Storage:DatabasePath</c> to pass: a writable place for this way of running it.</summary>
    /// <param name="workDirectory">The deployment's directory (certificate, key, kubeconfig, CA).</param>
    string DatabasePath(string workDirectory);

    /// <summary>Starts the adapter with <paramref name="arguments"/> (file paths in them lie under
    /// <paramref name="workDirectory"/>), its stdout and stderr written to <paramref name="logPath"/>.</summary>
    Task StartAsync(IReadOnlyList<string> arguments, string workDirectory, string logPath);

    /// <summary>True once the adapter has stopped (a readiness wait stops waiting then).</summary>
    Task<bool> HasExitedAsync();
}
