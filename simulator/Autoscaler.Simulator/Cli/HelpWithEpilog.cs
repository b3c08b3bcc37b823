using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Autoscaler.Simulator.Cli;

/// <summary>
/// <c>--help</c>: System.CommandLine's help (description, usage, every option with its meaning, units and default)
/// followed by the verb's own reference text (examples, file formats, exit codes), when it has one.
/// </summary>
internal sealed class HelpWithEpilog(HelpAction standard, IReadOnlyDictionary<Command, string> epilogs) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        standard.Invoke(parseResult);
        if (epilogs.TryGetValue(parseResult.CommandResult.Command, out var epilog))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.Write(epilog);
            if (!epilog.EndsWith('\n')) output.WriteLine();
        }

        return 0;
    }
}
