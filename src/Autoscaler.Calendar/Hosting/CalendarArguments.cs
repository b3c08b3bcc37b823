namespace Autoscaler.Calendar.Hosting;

/// <summary>
/// Checks the raw process arguments before ASP.NET's command-line configuration provider reads them. That provider
/// silently drops a <c>--key</c> at the end with no value (<c>--urls</c> alone left the server on localhost:5000),
/// takes the next option as the value (<c>--urls --Calendar:Namespaces:0=shop</c> made the second the listen
/// address), ignores bare words and single-dash options, and throws on <c>-x=1</c>. Here each of those is an error
/// naming the argument, so the process exits 2 before anything starts.
/// </summary>
public static class CalendarArguments
{
    /// <summary>
    /// One message per faulty argument, each starting with it (<c>--urls: no value ...</c>); empty when every argument
    /// is <c>--KEY=VALUE</c> or <c>--KEY VALUE</c> (also <c>/KEY</c>, as the provider reads it) with a non-empty value.
    /// Help flags are not checked here (<see cref="CalendarCommandLine.WantsHelp"/> runs first).
    /// </summary>
    /// <param name="args">The process arguments, in order.</param>
    public static IReadOnlyList<string> Check(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsOption(arg))
            {
                errors.Add(arg.StartsWith('-') && !arg.StartsWith("--", StringComparison.Ordinal)
                    ? $"{arg}: unknown option (settings are written --KEY=VALUE, e.g. --urls=http://127.0.0.1:5080; see --help)"
                    : $"'{arg}': unexpected argument (settings are written --KEY=VALUE or --KEY VALUE; see --help)");
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                var name = arg[..equals];
                if (arg.Length == equals + 1 || string.IsNullOrWhiteSpace(arg[(equals + 1)..]))
                {
                    errors.Add($"{name}: no value after '=' (write {name}=<VALUE>, or leave the option out for its default; see --help)");
                }

                continue;
            }

            if (i + 1 >= args.Count)
            {
                errors.Add($"{arg}: no value (write {arg}=<VALUE> or {arg} <VALUE>; see --help)");
            }
            else if (args[i + 1].StartsWith("--", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                errors.Add($"{arg}: no value (the next argument, '{args[i + 1]}', is not a value; write {arg}=<VALUE>; see --help)");
            }
            else
            {
                i++; // the value
            }
        }

        return errors;
    }

    private static bool IsOption(string arg) =>
        (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && arg[2] != '=')
        || (arg.StartsWith('/') && arg.Length > 1 && arg[1] != '=');
}
