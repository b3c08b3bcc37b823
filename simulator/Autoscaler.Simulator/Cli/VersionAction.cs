using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Autoscaler.Simulator.Cli;

/// <summary>
/// <c>autoscaler-sim --version</c>: prints the simulator assembly's informational version (the build's version,
/// with the source revision when the build records one) and exits 0.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The informational version of the simulator assembly (not of the host process, e.g. a test runner).</summary>
    public static string Version =>
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine($"autoscaler-sim {Version}");
        return 0;
    }
}
