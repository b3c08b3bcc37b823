using System.CommandLine;
using System.Text.Json;
using Autoscaler.Simulator.Cli;
using Autoscaler.Core.Hpa;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>
/// <c>hpa-cases --cases FILE [--profile v1.20|current] --out FILE</c>: runs HPA algorithm cases (schema of
/// HPA_SPEC.md §14) and writes <c>{"id": {"replicas": N} | {"error": "..."}}</c>. Bad input exits 2 and writes nothing.
/// </summary>
internal static class HpaCasesVerb
{
    private const int BadInput = 2;

    /// <summary>The <c>hpa-cases</c> command and the reference text its <c>--help</c> ends with.</summary>
    public static (Command Command, string Epilog) Create()
    {
        var command = HpaCasesArguments.Command();
        command.SetAction(result => Run(new OptionValues(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return (command, HpaCasesArguments.Epilog);
    }

    private static int Run(OptionValues a, TextWriter stdout, TextWriter stderr)
    {
        if (!HpaCasesArguments.TryRead(a, out var casesPath, out var outPath, out var forced))
        {
            foreach (var error in a.Errors) stderr.WriteLine($"hpa-cases: {error}");
            stderr.WriteLine("Run 'autoscaler-sim hpa-cases --help'.");
            return BadInput;
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
            Reporting.OutputFile.Write(outPath!, output);
        }
        catch (Reporting.OutputWriteException e)
        {
            stderr.WriteLine(e.Message);
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
                catch (Exception e) when (e is ArgumentException or ArithmeticException)
                {
                    // Values that parse but cannot be represented (times beyond year 9999, absurd durations).
                    throw new CaseFileException($"{casesPath}: case '{id}': a value is out of range: {e.Message}");
                }
            }

            return (CaseResultWriter.Serialize(results), tally);
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
}
