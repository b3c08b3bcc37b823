using Autoscaler.Simulator.Cli;

namespace Autoscaler.Simulator.Tests.Replay;

/// <summary>Runs the CLI in-process, as <c>autoscaler-sim</c> would, capturing stdout and stderr.</summary>
internal static class VerbRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = VerbDispatcher.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
