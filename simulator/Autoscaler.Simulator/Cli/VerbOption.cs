using System.CommandLine;

namespace Autoscaler.Simulator.Cli;

/// <summary>Builds a verb's options. Values stay text here; each verb checks them and names the option in its errors.</summary>
internal static class VerbOption
{
    /// <summary>An option taking one value, e.g. <c>--out DIR</c>.</summary>
    /// <param name="name">Option name with dashes.</param>
    /// <param name="valueName">What the value is, shown in help (DIR, FILE, DURATION).</param>
    /// <param name="description">Meaning, units and default.</param>
    /// <param name="aliases">Other names that work the same (an old name kept so existing command lines keep working).</param>
    public static Option<string> Text(string name, string valueName, string description, params string[] aliases) =>
        new(name, aliases) { HelpName = valueName, Description = description };

    /// <summary>An option given once per value, e.g. <c>--scenario A.yaml --scenario B.yaml</c>.</summary>
    public static Option<string[]> Repeated(string name, string valueName, string description) =>
        new(name) { HelpName = valueName, Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    /// <summary>A flag without a value.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };
}
