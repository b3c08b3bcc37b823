using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Inputs;

/// <summary>
/// Says which option a file belongs to when it was given to another one: an HPA manifest given to <c>--scenario</c>
/// gets "this is a HorizontalPodAutoscaler (autoscaling/v2); pass it with --hpa" instead of a list of unknown
/// fields, and likewise a scenario given to <c>--hpa</c>, a ScaledObject, a trace CSV given as YAML, a YAML file
/// given as a trace, a calendar given as a trace. One error (exit 2), checked before the file is parsed for its option.
/// </summary>
internal static class KindHint
{
    /// <summary>What each option takes, in words, for a file no option takes (a Deployment given to --scenario).</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["--scenario"] = "a simulator scenario ('workload' and 'hpa' at the top; see 'autoscaler-sim replay --help')",
        ["--workload"] = "a workload file (capacityPerPod, startupSeconds, ... at the top)",
        ["--trace"] = "a trace (CSV 'timestamp,value' or a saved query_range JSON)",
        ["--events"] = "an event calendar CSV (start_utc,end_utc,kind)",
    };

    /// <summary>The problem with giving <paramref name="path"/> to <paramref name="option"/>, or null when it fits or its content is not recognised.</summary>
    public static InputError? Check(string path, string option)
    {
        if (InputSniffer.Detect(path) is not { } kind || kind.Option == option) return null;
        if (option == "--hpa" && kind.Option == "--keda") return null; // --hpa replays a ScaledObject too (documented)
        if (kind.Option is null)
        {
            return Expected.TryGetValue(option, out var expected)
                ? new InputError(path, kind.Line, string.Empty, $"this is {kind.What}, not {expected}")
                : null;
        }

        var with = kind.Option is "--hpa" or "--keda" ? " (with its --workload YAML)" : string.Empty;
        return new InputError(path, kind.Line, string.Empty, $"this is {kind.What}; pass it with {kind.Option}{with}, not {option}");
    }

    /// <summary>Throws the problems of every (path, option) pair at once; nothing when all fit.</summary>
    public static void Require(params (string? Path, string Option)[] inputs)
    {
        var errors = inputs.Where(i => i.Path is not null).Select(i => Check(i.Path!, i.Option)).OfType<InputError>().ToList();
        if (errors.Count > 0) throw new InputErrorException(errors);
    }
}
