using System.Text;
using System.Text.Json;
using Autoscaler.Core.Hpa;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>
/// <c>hpa-cases --cases FILE [--profile v1.20|current] --out FILE</c>: runs HPA algorithm cases (schema of
/// HPA_SPEC.md §14) and writes <c>{"id": {"replicas": N} | {"error": "..."}}</c>. Bad input exits 2 and writes nothing.
/// </summary>
internal static class HpaCasesVerb
{
    private const int BadInput = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParseArgs(args, stderr, out var casesPath, out var outPath, out var forced, out var help))
        {
            return BadInput;
        }

        if (help)
        {
            stdout.Write(Usage);
            return 0;
        }

        byte[] output;
        CaseTally tally;
        try
        {
            (output, tally) = Evaluate(casesPath!, forced);
        }
        catch (CaseFileException e)
        {
            stderr.WriteLine($"hpa-cases: {e.Message}");
            return BadInput;
        }

        try
        {
            WriteAtomically(outPath!, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"hpa-cases: cannot write '{outPath}': {e.Message}");
            return BadInput;
        }

        stdout.WriteLine($"hpa-cases: {tally.Cases} cases evaluated, results in {outPath}");
        if (tally.WithExpectation > 0)
        {
            stdout.WriteLine($"hpa-cases: {tally.Matching} of {tally.WithExpectation} cases with an expected value match it under their profile"
                + (tally.Mismatches.Count > 0 ? $"; differing: {string.Join(", ", tally.Mismatches)}" : string.Empty));
        }
        return 0;
    }

    /// <summary>Reads and runs every case; the whole file is rejected on the first schema error.</summary>
    internal static (byte[] Json, CaseTally Tally) Evaluate(string casesPath, HpaProfile? forced)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(casesPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CaseFileException($"{casesPath}: cannot read the cases file: {e.Message}");
        }
        catch (JsonException e)
        {
            throw new CaseFileException($"{casesPath}: invalid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message}");
        }

        using (document)
        {
            var root = new JsonField(document.RootElement, "$");
            if (root.Element.ValueKind != JsonValueKind.Array)
            {
                throw new CaseFileException($"{casesPath}: expected a JSON array of cases at the top level");
            }

            var results = new List<(string Id, CaseOutcome Outcome)>();
            var tally = new CaseTally();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var testCase in root.Items())
            {
                var id = CaseId(casesPath, testCase);
                if (!seen.Add(id))
                {
                    throw new CaseFileException($"{casesPath}: case '{id}': duplicate case id");
                }

                try
                {
                    var profile = CaseRunner.ProfileFor(testCase, forced);
                    var outcome = CaseRunner.Run(testCase, profile);
                    results.Add((id, outcome));
                    tally.Add(id, CaseExpectation.For(testCase, profile), outcome);
                }
                catch (CaseInputException e)
                {
                    throw new CaseFileException($"{casesPath}: case '{id}': {e.Message}");
                }
            }

            return (Serialize(results), tally);
        }
    }

    private static string CaseId(string casesPath, JsonField testCase)
    {
        try
        {
            return testCase.Required("id").String();
        }
        catch (CaseInputException e)
        {
            throw new CaseFileException($"{casesPath}: {e.Message}");
        }
    }

    private static byte[] Serialize(List<(string Id, CaseOutcome Outcome)> results)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            foreach (var (id, outcome) in results)
            {
                w.WriteStartObject(id);
                if (outcome.Replicas is { } n)
                {
                    w.WriteNumber("replicas", n);
                }
                else
                {
                    w.WriteString("error", outcome.Error);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.ToArray();
    }

    // A reader never sees a half-written result: write beside the target, then rename over it.
    private static void WriteAtomically(string path, byte[] content)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllBytes(temp, content);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static bool TryParseArgs(string[] args, TextWriter stderr, out string? cases, out string? output, out HpaProfile? profile, out bool help)
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

    private static readonly string Usage = new StringBuilder()
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
}
