using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.MetricsAdapter.Hosting.CommandLine;

/// <summary>
/// Builds the adapter's System.CommandLine options. Each parser reports its own error as
/// <c>--flag: what is wrong</c> (the texts operators and tests already know), and takes the last value when a
/// flag is repeated, as the Go apiserver's flags do. Values may follow the flag or an <c>=</c>.
/// </summary>
internal static class FlagOptions
{
    private static readonly ArgumentArity RepeatedFlag = new(0, 100);

    /// <summary>A whole number (no sign, no separators), optionally at least <paramref name="minimum"/>.</summary>
    public static Option<T> Whole<T>(string name, string hint, string description, T? minimum = null)
        where T : struct, IBinaryInteger<T> =>
        Valued(name, hint, description, (text, result) =>
        {
            if (!T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                result.AddError($"{name}: \"{text}\" is not a whole number");
            }
            else if (n < minimum)
            {
                result.AddError($"{name}: must be at least {minimum}");
            }

            return n;
        });

    /// <summary>A duration in Core's notation (<see cref="DurationParser"/>: <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h30m</c>).</summary>
    public static Option<TimeSpan> Duration(string name, string description) =>
        Valued(name, "DURATION", description, (text, result) =>
        {
            if (DurationParser.TryParse(text, out var duration, out _))
            {
                return duration;
            }

            result.AddError($"{name}: \"{text}\" is not a duration such as 500ms, 10s, 2m");
            return TimeSpan.Zero;
        });

    /// <summary>Free text such as a path or an address (checked later by <see cref="AdapterOptions.Validate"/>).</summary>
    public static Option<string> Text(string name, string hint, string description) =>
        Valued(name, hint, description, (text, _) => text);

    /// <summary>A comma-separated list; empty items are dropped, items are trimmed; <paramref name="nonEmpty"/> rejects an empty list.</summary>
    public static Option<IReadOnlyList<string>> List(string name, string description, bool nonEmpty = false) =>
        Valued<IReadOnlyList<string>>(name, "LIST", description, (text, result) =>
        {
            var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (nonEmpty && items.Length == 0)
            {
                result.AddError($"{name}: may not be empty");
            }

            return items;
        });

    /// <summary>A switch: present means true; <c>--flag=true</c> and <c>--flag=false</c> are accepted too.</summary>
    public static Option<bool> Switch(string name, string description) => new(name)
    {
        Description = description,
        Arity = RepeatedFlag,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "true" : result.Tokens[^1].Value;
            switch (text)
            {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    result.AddError($"{name}: \"{text}\" is not true or false");
                    return false;
            }
        },
    };

    private static Option<T> Valued<T>(string name, string hint, string description, Func<string, ArgumentResult, T> parse) => new(name)
    {
        Description = description,
        HelpName = hint,
        // Zero so that a flag without its value reaches the parser and gets our message, not the library's; many
        // (one per occurrence, as AllowMultipleArgumentsPerToken is false) so that a repeated flag's last value wins.
        Arity = RepeatedFlag,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                result.AddError($"{name}: needs a value ({hint})");
                return default!;
            }

            return parse(result.Tokens[^1].Value, result);
        },
    };
}
