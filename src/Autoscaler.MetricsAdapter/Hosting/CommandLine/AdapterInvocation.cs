using System.CommandLine;

namespace Autoscaler.MetricsAdapter.Hosting.CommandLine;

/// <summary>
/// A parsed adapter command line. Either it asks to serve (<see cref="Serves"/>: valid flags, no help, no
/// sub-command) and <see cref="Options"/> and <see cref="Configuration"/> configure the host, or
/// <see cref="Invoke"/> does what it asks instead: help, <c>generate-cert</c>, or report every error and exit 2.
/// </summary>
/// <param name="Result">System.CommandLine's parse result.</param>
/// <param name="Options">The serving options (flags not given keep <see cref="AdapterOptions"/>' defaults).</param>
/// <param name="Configuration"><c>--Section:Key=value</c> settings for ASP.NET configuration, in order.</param>
/// <param name="Errors">Parse errors in command-line order, each naming its flag.</param>
internal sealed record AdapterInvocation(
    ParseResult Result,
    AdapterOptions Options,
    IReadOnlyList<KeyValuePair<string, string?>> Configuration,
    IReadOnlyList<string> Errors)
{
    /// <summary>Exit code for bad flags or options (the text names each flag).</summary>
    public const int UsageExitCode = 2;

    /// <summary>True when the command line asks the adapter to serve (the root command, no <c>--help</c>/<c>--version</c>).</summary>
    public bool IsServe => Result.CommandResult.Command is RootCommand root && Result.Action == root.Action;

    /// <summary>True when the host should start: serving was asked for and the flags and options are valid.</summary>
    public bool Serves => IsServe && AllErrors.Count == 0;

    /// <summary>
    /// Parse errors, then (for the root command) <see cref="AdapterOptions.Validate"/>'s, all at once; none for help,
    /// version and completion. A flag whose value did not parse keeps its default, so validation skips messages about
    /// a flag already reported.
    /// </summary>
    public IReadOnlyList<string> AllErrors => _allErrors ??=
        Result.Action is { ClearsParseErrors: true } ? [] // --help, --version, [suggest]: the library ignores errors too
        : Result.CommandResult.Command is not RootCommand ? Errors
        : [.. Errors, .. Options.Validate().Where(v => FlagOf(v) is not { } flag || !Errors.Any(e => FlagOf(e) == flag))];

    private IReadOnlyList<string>? _allErrors;

    // "--flag: ..." or "--flag and ..." names --flag; other messages name none.
    private static string? FlagOf(string message) =>
        message.StartsWith("--", StringComparison.Ordinal) ? message.Split(':', ' ')[0] : null;

    /// <summary>Runs help, <c>generate-cert</c>, or prints every error to <paramref name="error"/>; returns the exit code.</summary>
    public int Invoke(TextWriter output, TextWriter error)
    {
        var errors = AllErrors;
        if (errors.Count > 0)
        {
            foreach (var message in errors)
            {
                error.WriteLine($"error: {message}");
            }

            error.WriteLine("see --help");
            return UsageExitCode;
        }

        return Result.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
