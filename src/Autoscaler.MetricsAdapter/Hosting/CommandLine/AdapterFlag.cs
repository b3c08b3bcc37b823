using System.CommandLine;

namespace Autoscaler.MetricsAdapter.Hosting.CommandLine;

/// <summary>One flag of the adapter: the System.CommandLine option and how its value lands in <see cref="AdapterOptions"/>.</summary>
/// <param name="Option">The option (its description states meaning, unit and default).</param>
/// <param name="Apply">Copies the parsed value into the options; called only when the flag was given.</param>
internal sealed record AdapterFlag(Option Option, Action<ParseResult, AdapterOptions> Apply)
{
    /// <summary>The flag's value hint in help (<c>PORT</c>, <c>DURATION</c>, ...); null for switches.</summary>
    public string? ValueHint => Option.HelpName;

    /// <summary>Binds <paramref name="option"/> to a setter; flags that were not given leave the options' default alone.</summary>
    public static AdapterFlag Bind<T>(Option<T> option, Action<AdapterOptions, T> set) =>
        new(option, (result, options) =>
        {
            if (result.GetResult(option) is { } given && !given.Errors.Any())
            {
                set(options, result.GetValue(option)!);
            }
        });
}
