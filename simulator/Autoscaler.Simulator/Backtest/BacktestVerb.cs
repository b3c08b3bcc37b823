namespace Autoscaler.Simulator.Backtest;

/// <summary>Placeholder until the verb is implemented; owned by the developer of this folder.</summary>
internal static class BacktestVerb
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        stderr.WriteLine("not implemented yet");
        return 3;
    }
}
