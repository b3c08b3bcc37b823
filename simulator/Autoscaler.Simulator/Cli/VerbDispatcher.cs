using System.CommandLine;
using System.CommandLine.Help;

namespace Autoscaler.Simulator.Cli;

/// <summary>
/// The command line of <c>autoscaler-sim</c> on System.CommandLine: one subcommand per verb, each with its own
/// options and <c>--help</c>. Parse errors (unknown options, missing values) exit 2 with one line each.
/// </summary>
internal static class VerbDispatcher
{
    /// <summary>Exit code for bad input (unparsable files, unknown options): nothing is written.</summary>
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Create();
        if (args.Length == 0)
        {
            Invoke(root.Parse(["--help"]), stdout, stderr);
            return BadInput;
        }

        if (args[0] == "help") args = ["--help"];
        if (!args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            stderr.WriteLine($"autoscaler-sim: unknown verb '{args[0]}' (verbs: {string.Join(", ", root.Subcommands.Select(c => c.Name))}). Run 'autoscaler-sim --help'.");
            return BadInput;
        }

        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpWithEpilog)
        {
            var verb = result.CommandResult.Command is RootCommand ? "autoscaler-sim" : $"autoscaler-sim {result.CommandResult.Command.Name}";
            foreach (var message in ParseErrors.Describe(result)) stderr.WriteLine($"{verb}: {message}");
            stderr.WriteLine($"Run '{verb} --help' for the options.");
            return BadInput;
        }

        if (result.CommandResult.Command is RootCommand && result.Action is not (HelpWithEpilog or VersionAction))
        {
            stderr.WriteLine("autoscaler-sim: name a verb. Run 'autoscaler-sim --help'.");
            return BadInput;
        }

        return Invoke(result, stdout, stderr);
    }

    private static int Invoke(ParseResult result, TextWriter stdout, TextWriter stderr) =>
        result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });

    /// <summary>The root command with the four verbs; <c>--help</c> on any of them adds the verb's reference text.</summary>
    internal static RootCommand Create()
    {
        var root = new RootCommand("""
            autoscaler-sim: judge a scaling policy on real history before rollout. Replays a load trace (CSV, a saved
            Prometheus query_range JSON, or a live Prometheus) through the same HPA algorithm and pre-scale planner as
            the cluster, and backtests the forecasting models. Exit codes: 0 ok; 1 a --fail-if gate was breached;
            2 bad input (nothing is written). Run 'autoscaler-sim VERB --help' for a verb's options and an example.
            """);
        var epilogs = new Dictionary<Command, string>();
        foreach (var (command, epilog) in new[] { Replay.ReplayVerb.Create(), Replay.CompareVerb.Create(), HpaCases.HpaCasesVerb.Create(), Backtest.BacktestVerb.Create() })
        {
            root.Add(command);
            epilogs[command] = epilog;
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithEpilog((HelpAction)help.Action!, epilogs);
        root.Options.OfType<VersionOption>().Single().Action = new VersionAction();
        return root;
    }
}
