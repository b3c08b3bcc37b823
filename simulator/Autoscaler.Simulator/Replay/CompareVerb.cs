using System.CommandLine;
using System.Globalization;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Gates;
using Autoscaler.Simulator.Reporting;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Replay;

/// <summary><c>compare</c>: one trace through several scenarios; one table and one chart side by side.</summary>
internal static class CompareVerb
{
    /// <summary>The <c>compare</c> command and the reference text its <c>--help</c> ends with.</summary>
    public static (Command Command, string Epilog) Create() => VerbSupport.ReplayCommand(
        "compare",
        "One trace through several scenarios (and HPA manifests), side by side: one table and one chart.",
        several: true,
        "Required. Writes DIR/compare.json (one summary per scenario), DIR/compare.csv (one row per scenario), DIR/report.html; nothing on bad input.",
        "CI gate applied to every scenario, repeatable: FIELD OP NUMBER, e.g. --fail-if \"podHours>5000\". The first breach is reported (exit 1).",
        Run,
        Help);

    private static int Run(OptionValues a, TextWriter stdout, TextWriter stderr)
    {
        if (ReplayRequest.Read(a, several: true) is not { } request) return VerbSupport.Fail(stderr, "compare", a.Errors);
        var runs = new List<ReplaySummary>();
        try
        {
            var (trace, scenarios, from, to) = request.Load(stderr);
            var progress = TerminalProgress.For(stderr, a.Flag("--quiet"));
            foreach (var scenario in scenarios)
            {
                runs.Add(ReplayRunner.Run(trace, scenario, from, to, progress.Reporter($"compare {scenario.Name}")));
            }
        }
        catch (InputErrorException e)
        {
            return VerbSupport.Fail(stderr, e);
        }

        try
        {
            Write(request.OutDir, runs);
        }
        catch (OutputWriteException e)
        {
            stderr.WriteLine(e.Message);
            return VerbSupport.BadInput;
        }

        foreach (var run in runs) stdout.WriteLine(VerbSupport.OneLine(run));
        stdout.WriteLine($"wrote {Path.Combine(request.OutDir, "compare.json")}, compare.csv, report.html");
        foreach (var run in runs)
        {
            var breach = GateEvaluator.FirstBreach(request.Gates, run.NumericFields(), run.Scenario.Name);
            if (breach is null) continue;
            stderr.WriteLine(breach);
            return VerbSupport.GateBreached;
        }

        return VerbSupport.Ok;
    }

    private static void Write(string outDir, List<ReplaySummary> runs)
    {
        var json = "[\n" + string.Join(",\n", runs.Select(SummaryJsonWriter.ToJson).Select(j => j.TrimEnd())) + "\n]\n";
        OutputFolder.WriteAll(outDir, new Dictionary<string, Action<TextWriter>>
        {
            ["compare.json"] = w => w.Write(json),
            ["compare.csv"] = w => WriteTable(w, runs),
            ["report.html"] = w => w.Write(CompareHtmlWriter.Render(runs)),
        });
    }

    private static void WriteTable(TextWriter w, List<ReplaySummary> runs)
    {
        w.Write("scenario," + string.Join(',', ReplaySummary.NumericFieldNames) + "\n");
        foreach (var run in runs)
        {
            var f = run.NumericFields();
            w.Write(run.Scenario.Name + "," + string.Join(',', ReplaySummary.NumericFieldNames.Select(n => f[n].ToString(CultureInfo.InvariantCulture))) + "\n");
        }
    }

    private const string Help = """

        Writes DIR/compare.json (one summary per scenario, same fields as replay's summary.json),
        DIR/compare.csv (one row per scenario) and DIR/report.html (one table and one chart side by side).

        Examples:
          autoscaler-sim compare --trace simulator/traces/wc98_http_requests_1min_until_0627.csv \
            --scenario simulator/scenarios/wc98-external.yaml --scenario simulator/scenarios/wc98-tuned.yaml \
            --scenario simulator/scenarios/wc98-v1.20.yaml --out out/compare
          autoscaler-sim compare --trace simulator/traces/wc98_http_requests_1min_until_0627.csv \
            --scenario simulator/scenarios/wc98-tuned.yaml --hpa simulator/manifests/wc98-hpa.yaml --hpa-name web \
            --workload simulator/manifests/wc98-workload.yaml --out out/compare-manifest


        """ + ScenarioHelp.Text;
}
