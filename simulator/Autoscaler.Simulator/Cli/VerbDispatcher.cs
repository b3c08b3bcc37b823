namespace Autoscaler.Simulator.Cli;

/// <summary>Routes the first argument to a verb. Each verb parses its own options and prints its own --help.</summary>
internal static class VerbDispatcher
{
    /// <summary>Exit code for bad input (unparsable files, unknown options): nothing is written.</summary>
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Usage);
            return args.Length == 0 ? BadInput : 0;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "replay": return Replay.ReplayVerb.Run(rest, stdout, stderr);
            case "compare": return Replay.CompareVerb.Run(rest, stdout, stderr);
            case "hpa-cases": return HpaCases.HpaCasesVerb.Run(rest, stdout, stderr);
            case "backtest": return Backtest.BacktestVerb.Run(rest, stdout, stderr);
            default:
                stderr.WriteLine($"autoscaler-sim: unknown verb '{args[0]}'. Run 'autoscaler-sim --help'.");
                return BadInput;
        }
    }

    private const string Usage = """
        autoscaler-sim: judge a scaling policy on real history before rollout.

        Verbs:
          replay     replay a load trace through the HPA model and write summary.json, timeline.csv, report.html
          compare    one trace through several scenarios, side by side
          hpa-cases  run HPA algorithm cases (upstream test schema) and write the replica counts
          backtest   rolling-origin backtest of forecasting models on a trace

        Run 'autoscaler-sim <verb> --help' for a verb's options.

        """;
}
