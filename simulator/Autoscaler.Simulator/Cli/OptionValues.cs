using System.CommandLine;

namespace Autoscaler.Simulator.Cli;

/// <summary>
/// A verb's option values as System.CommandLine parsed them, read by option name (<c>--trace</c>). Checks a verb
/// makes beyond parsing (a value required, two options that go together) add to <see cref="Errors"/>, so every
/// problem is reported at once (exit 2, nothing written).
/// </summary>
internal sealed class OptionValues(ParseResult result)
{
    public List<string> Errors { get; } = [];

    /// <summary>Every value of a repeatable option (<c>Option&lt;string[]&gt;</c>) in command-line order, or the one value of a single-valued one; none when absent.</summary>
    public IReadOnlyList<string> All(string name) => Find(name) switch
    {
        Option<string[]> several => result.GetValue(several) ?? [],
        Option<string> one => result.GetValue(one) is { } value ? [value] : [],
        _ => [],
    };

    /// <summary>The value of a single-valued option, or null when it is absent.</summary>
    public string? Single(string name) => Find(name) is Option<string> option ? result.GetValue(option) : null;

    /// <summary>The value of a single-valued option; its absence is an error: "option '--out' is required".</summary>
    public string? Required(string name)
    {
        var value = Single(name);
        if (value is null) Errors.Add($"option '{name}' is required");
        return value;
    }

    /// <summary>
    /// The name the user typed for option <paramref name="name"/> (an alias such as <c>--step</c> for <c>--origin-step</c>),
    /// so an error names what is on the command line; <paramref name="name"/> itself when the option is absent.
    /// </summary>
    public string Typed(string name) =>
        Find(name) is { } option && result.GetResult(option)?.IdentifierToken?.Value is { Length: > 0 } typed ? typed : name;

    /// <summary>Whether a flag (<c>Option&lt;bool&gt;</c>) was given.</summary>
    public bool Flag(string name) => Find(name) is Option<bool> option && result.GetValue(option);

    private Option? Find(string name) => result.CommandResult.Command.Options.FirstOrDefault(o => o.Name == name);
}
