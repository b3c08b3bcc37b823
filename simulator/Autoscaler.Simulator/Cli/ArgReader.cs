namespace Autoscaler.Simulator.Cli;

/// <summary>
/// A deliberately small option parser: <c>--name value</c> pairs, repeatable names, <c>--help</c>.
/// Unknown options and missing values are input errors (exit 2), reported all at once.
/// </summary>
internal sealed class ArgReader
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private ArgReader()
    {
    }

    public bool Help { get; private set; }

    public List<string> Errors { get; } = [];

    public static ArgReader Parse(string[] args, IReadOnlySet<string> known)
    {
        var reader = new ArgReader();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                reader.Help = true;
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? arg[..eq] : arg;
            if (!known.Contains(name))
            {
                reader.Errors.Add($"unknown option '{name}' (options: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
                continue;
            }

            string value;
            if (eq > 0 && name != arg) value = arg[(eq + 1)..];
            else if (i + 1 < args.Length) value = args[++i];
            else
            {
                reader.Errors.Add($"option '{name}' needs a value");
                continue;
            }

            if (!reader._values.TryGetValue(name, out var list)) reader._values[name] = list = [];
            list.Add(value);
        }

        return reader;
    }

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public string? Single(string name)
    {
        var all = All(name);
        if (all.Count > 1) Errors.Add($"option '{name}' given {all.Count} times; give it once");
        return all.Count > 0 ? all[^1] : null;
    }

    public string? Required(string name)
    {
        var value = Single(name);
        if (value is null) Errors.Add($"option '{name}' is required");
        return value;
    }
}
