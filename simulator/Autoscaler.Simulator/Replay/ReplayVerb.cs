namespace Autoscaler.Simulator.Replay;

/// <summary>Placeholder until the verb is implemented; owned by the developer of this folder.</summary>
internal static class ReplayVerb
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        stderr.WriteLine("not implemented yet");
        return 3;
    }
}
