using System.Text;
using Autoscaler.Core.Hpa;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>Command-line options of <c>hpa-cases</c> and its help text.</summary>
internal static class HpaCasesArguments
{
    public static readonly string Usage = new StringBuilder()
        .AppendLine("autoscaler-sim hpa-cases --cases FILE [--profile v1.20|current] --out FILE")
        .AppendLine()
        .AppendLine("Runs HPA algorithm cases (the schema of HPA_SPEC.md section 14) through the model and writes one")
        .AppendLine("JSON object mapping each case id to {\"replicas\": N} or {\"error\": \"...\"}.")
        .AppendLine()
        .AppendLine("  --cases FILE     the cases file (a JSON array)")
        .AppendLine("  --profile P      v1.20 or current; default: v1.20 for sourceVersion v1.20.2, else current")
        .AppendLine("  --out FILE       where to write the results (written atomically)")
        .AppendLine()
        .AppendLine("Exit codes: 0 ok, 2 bad input (nothing written).")
        .ToString();

    public static bool TryParse(string[] args, TextWriter stderr, out string? cases, out string? output, out HpaProfile? profile, out bool help)
    {
        (cases, output, profile, help) = (null, null, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                help = true;
                return true;
            }

            if (arg is not ("--cases" or "--out" or "--profile"))
            {
                stderr.WriteLine($"hpa-cases: unknown option '{arg}'. Run 'autoscaler-sim hpa-cases --help'.");
                return false;
            }

            if (i + 1 >= args.Length)
            {
                stderr.WriteLine($"hpa-cases: option '{arg}' needs a value.");
                return false;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--cases": cases = value; break;
                case "--out": output = value; break;
                default:
                    profile = value switch { "v1.20" => HpaProfile.V1_20, "current" => HpaProfile.Current, _ => null };
                    if (profile is null)
                    {
                        stderr.WriteLine($"hpa-cases: --profile must be 'v1.20' or 'current', not '{value}'.");
                        return false;
                    }

                    break;
            }
        }

        if (cases is null || output is null)
        {
            stderr.WriteLine($"hpa-cases: {(cases is null ? "--cases" : "--out")} is required. Run 'autoscaler-sim hpa-cases --help'.");
            return false;
        }

        return true;
    }
}
