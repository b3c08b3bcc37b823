using System.CommandLine;
using Autoscaler.Core.Hpa;
using Autoscaler.Simulator.Cli;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>The <c>hpa-cases</c> command: its options and the checks of their values.</summary>
internal static class HpaCasesArguments
{
    public const string Epilog = """

        Runs HPA algorithm cases (the schema of HPA_SPEC.md section 14) through the model and writes one
        JSON object mapping each case id to {"replicas": N} or {"error": "..."}.

        Example:
          autoscaler-sim hpa-cases --cases tests/Autoscaler.Simulator.Tests/HpaCases/Cases/hpa-cases.json --profile v1.20 --out out/hpa-v1.20.json

        Exit codes: 0 ok, 2 bad input (nothing written).

        """;

    public static Command Command() => new("hpa-cases", "Run HPA algorithm cases (upstream test schema) and write the replica counts.")
    {
        VerbOption.Text("--cases", "FILE", "Required. The cases file: a JSON array of cases (HPA_SPEC.md section 14)."),
        VerbOption.Text("--profile", "v1.20|current", "Which upstream HPA behaviour to run every case under; default: v1.20 for cases with sourceVersion v1.20.2, else current."),
        VerbOption.Text("--out", "FILE", "Required. Where to write the results (written atomically; left as it was on bad input)."),
    };

    /// <summary>The options' values; false with the problems in <c>a.Errors</c>.</summary>
    public static bool TryRead(OptionValues a, out string? cases, out string? output, out HpaProfile? profile)
    {
        (cases, output, profile) = (a.Required("--cases"), a.Required("--out"), null);
        if (a.Single("--profile") is { } value)
        {
            profile = value switch { "v1.20" => HpaProfile.V1_20, "current" => HpaProfile.Current, _ => null };
            if (profile is null) a.Errors.Add($"--profile must be 'v1.20' or 'current', not '{value}'");
        }

        return a.Errors.Count == 0;
    }
}
