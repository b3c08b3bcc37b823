using System.CommandLine;
using System.Globalization;
using Autoscaler.Simulator.Manifests;
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
    public static (Command Command, string Epilog) Create()
    {
        var command = new Command("compare", "One trace through several scenarios (and HPA manifests), side by side: one table and one chart.");
        foreach (var option in TraceOptions.All("--step")) command.Add(option);
        command.Add(VerbOption.Repeated("--scenario", "YAML", "A scenario to run, repeatable (reference below); each scenario needs a distinct name."));
        command.Add(VerbOption.Repeated("--hpa", "MANIFEST", "Your HorizontalPodAutoscaler as in the cluster (autoscaling/v2 or v2beta2 YAML), repeatable: each is one more scenario, named after the HPA. Needs --workload."));
        command.Add(VerbOption.Repeated("--keda", "MANIFEST", "Your KEDA ScaledObject (keda.sh/v1alpha1), repeatable: each is one more scenario, replayed as KEDA runs it (see replay --help). Needs --workload."));
        command.Add(VerbOption.Text("--hpa-name", "NAME", "The HPA to take from each --hpa MANIFEST that holds several documents."));
        command.Add(VerbOption.Text("--workload", "YAML", "With --hpa: the workload keys (capacityPerPod, startupSeconds, ...) and optional 'controller:' flags, as for replay; shared by every --hpa."));
        command.Add(VerbOption.Text("--from", "T", "Start of every replay (ISO-8601 UTC); default: the trace's start. With --prometheus: required, the start of the range read."));
        command.Add(VerbOption.Text("--to", "T", "End of every replay, exclusive (ISO-8601 UTC); default: the trace's end. With --prometheus: required."));
        command.Add(VerbOption.Text("--out", "DIR", "Required. Writes DIR/compare.json (one summary per scenario), DIR/compare.csv (one row per scenario), DIR/report.html; nothing on bad input."));
        command.Add(VerbOption.Repeated("--fail-if", "EXPR", "CI gate applied to every scenario, repeatable: FIELD OP NUMBER, e.g. --fail-if \"podHours>5000\". The first breach is reported (exit 1)."));
        command.SetAction(result => Run(new OptionValues(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return (command, Help);
    }

    private static int Run(OptionValues a, TextWriter stdout, TextWriter stderr)
    {
        var scenarioPaths = a.All("--scenario");
        var (hpaPaths, kedaPaths, hpaName, workloadPath) = (a.All("--hpa"), a.All("--keda"), a.Single("--hpa-name"), a.Single("--workload"));
        var manifests = hpaPaths.Count + kedaPaths.Count;
        if (scenarioPaths.Count == 0 && manifests == 0) a.Errors.Add("option '--scenario' is required (give it once per scenario), or --hpa/--keda MANIFEST with --workload YAML");
        if (manifests > 0 && workloadPath is null) a.Errors.Add($"{(hpaPaths.Count > 0 ? "--hpa" : "--keda")} needs --workload YAML (capacity per pod, startup time, ...: what a manifest cannot say)");
        if (manifests == 0 && (workloadPath is not null || hpaName is not null)) a.Errors.Add("--workload and --hpa-name go with --hpa or --keda");
        var outDir = a.Required("--out");
        var (from, to) = (a.Single("--from"), a.Single("--to"));
        var gates = VerbSupport.ParseGates(a.All("--fail-if"), a.Errors);
        var loadTrace = TraceOptions.Source(a, "--step", from, to);
        if (a.Errors.Count > 0) return VerbSupport.Fail(stderr, "compare", a.Errors);
        var scenarioLoaders = scenarioPaths.Select(p => (Func<Scenario>)(() => ScenarioLoader.LoadFile(p)))
            .Concat(hpaPaths.Select(p => (Func<Scenario>)(() => HpaManifestLoader.Load(p, hpaName, workloadPath!))))
            .Concat(kedaPaths.Select(p => (Func<Scenario>)(() => Keda.ScaledObjectLoader.Load(p, hpaName, workloadPath!))))
            .ToList();

        var runs = new List<ReplaySummary>();
        try
        {
            var (trace, scenarios) = VerbSupport.LoadInputs(() => loadTrace!(stderr), scenarioLoaders);
            var range = ReplayRunner.Range(trace, from, to);
            var progress = TerminalProgress.For(stderr);
            foreach (var scenario in scenarios)
            {
                runs.Add(ReplayRunner.Run(trace, scenario, range.From, range.To, progress.Reporter($"compare {scenario.Name}")));
            }
        }
        catch (InputErrorException e)
        {
            return VerbSupport.Fail(stderr, e);
        }

        Write(outDir!, runs);
        foreach (var run in runs) stdout.WriteLine(VerbSupport.OneLine(run));
        stdout.WriteLine($"wrote {Path.Combine(outDir!, "compare.json")}, compare.csv, report.html");
        foreach (var run in runs)
        {
            var breach = GateEvaluator.FirstBreach(gates, run.NumericFields(), run.Scenario.Name);
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
