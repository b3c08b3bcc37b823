using System.CommandLine;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Gates;
using Autoscaler.Simulator.Reporting;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Replay;

/// <summary><c>replay</c>: one trace through one scenario, written as summary.json, timeline.csv and report.html.</summary>
internal static class ReplayVerb
{
    /// <summary>The <c>replay</c> command and the reference text its <c>--help</c> ends with.</summary>
    public static (Command Command, string Epilog) Create() => VerbSupport.ReplayCommand(
        "replay",
        "Would this HPA configuration have kept up with this traffic, and at what cost? Replays one trace through one scenario (or your HPA manifest) and writes summary.json, timeline.csv and report.html.",
        several: false,
        "Required. Writes DIR/summary.json, DIR/timeline.csv (one row per HPA sync), DIR/report.html (+ DIR/decisions.jsonl with a prescale section); nothing is written on bad input.",
        "CI gate, repeatable: FIELD OP NUMBER with OP one of > < >= <=, e.g. --fail-if \"overloadMinutes>30\". A breach exits 1 (outputs still written).",
        Run,
        Help);

    private static int Run(OptionValues a, TextWriter stdout, TextWriter stderr)
    {
        if (ReplayRequest.Read(a, several: false) is not { } request) return VerbSupport.Fail(stderr, "replay", a.Errors);
        ReplaySummary summary;
        try
        {
            var (trace, scenarios, from, to) = request.Load(stderr);
            summary = ReplayRunner.Run(trace, scenarios[0], from, to, TerminalProgress.For(stderr, a.Flag("--quiet")).Reporter($"replay {scenarios[0].Name}"));
        }
        catch (InputErrorException e)
        {
            return VerbSupport.Fail(stderr, e);
        }

        try
        {
            Write(request.OutDir, summary);
        }
        catch (OutputWriteException e)
        {
            stderr.WriteLine(e.Message);
            return VerbSupport.BadInput;
        }

        stdout.WriteLine(VerbSupport.OneLine(summary));
        stdout.WriteLine($"wrote {Path.Combine(request.OutDir, "summary.json")}, timeline.csv, report.html{(summary.Outcome.Prescale is null ? string.Empty : ", decisions.jsonl")}");
        var breach = GateEvaluator.FirstBreach(request.Gates, summary.NumericFields());
        if (breach is null) return VerbSupport.Ok;
        stderr.WriteLine(breach);
        return VerbSupport.GateBreached;
    }

    internal static void Write(string outDir, ReplaySummary summary)
    {
        var json = SummaryJsonWriter.ToJson(summary);
        var echo = System.Text.Json.JsonSerializer.Serialize(summary.ScenarioEcho, EchoOptions);
        var prescale = summary.Outcome.Prescale;
        var files = new Dictionary<string, Action<TextWriter>>
        {
            ["summary.json"] = w => w.Write(json),
            ["timeline.csv"] = w => TimelineCsvWriter.Write(w, summary.Outcome.Timeline, summary.Scenario.Workload.CapacityPerPod, prescale is not null),
            ["report.html"] = w => w.Write(ReplayHtmlWriter.Render(summary, echo)),
        };
        if (prescale is not null) files["decisions.jsonl"] = w => PrescaleJson.WriteDecisions(w, prescale.Decisions);
        OutputFolder.WriteAll(outDir, files);
    }

    private static readonly System.Text.Json.JsonSerializerOptions EchoOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private const string Help = """

        Usage forms:
          autoscaler-sim replay --trace CSV --scenario YAML --out DIR [--from T] [--to T] [--fail-if EXPR]...
          autoscaler-sim replay --trace CSV --hpa MANIFEST [--hpa-name NAME] --workload YAML --out DIR [...]
          autoscaler-sim replay --trace CSV --keda SCALEDOBJECT [--hpa-name NAME] --workload YAML --out DIR [...]
          autoscaler-sim replay --prometheus URL --query PROMQL --from T --to T [--query-step 1m] --scenario YAML ...

        Examples:
          autoscaler-sim replay --trace simulator/traces/wc98_http_requests_1min_until_0627.csv \
            --scenario simulator/scenarios/wc98-external.yaml --out out/wc98 --fail-if "overloadMinutes>30"
          autoscaler-sim replay --trace simulator/traces/wc98_http_requests_1min_until_0627.csv \
            --hpa simulator/manifests/wc98-hpa.yaml --hpa-name web --workload simulator/manifests/wc98-workload.yaml --out out/m
          autoscaler-sim replay --trace simulator/traces/wc98_http_requests_1min_until_0627.csv \
            --keda simulator/manifests/wc98-scaledobject.yaml --workload simulator/manifests/wc98-workload.yaml --out out/keda


        """ + ScenarioHelp.Text;
}
