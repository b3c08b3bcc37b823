using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Gates;
using Autoscaler.Simulator.Manifests;
using Autoscaler.Simulator.Reporting;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Replay;

/// <summary><c>replay</c>: one trace through one scenario, written as summary.json, timeline.csv and report.html.</summary>
internal static class ReplayVerb
{
    private static readonly HashSet<string> Options = ["--trace", "--prometheus", "--query", "--step", "--scenario", "--hpa", "--hpa-name", "--workload", "--out", "--from", "--to", "--fail-if"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = ArgReader.Parse(args, Options);
        if (a.Help)
        {
            stdout.Write(Help);
            return VerbSupport.Ok;
        }

        var (tracePath, prometheus, query, step) = (a.Single("--trace"), a.Single("--prometheus"), a.Single("--query"), a.Single("--step"));
        if ((tracePath is null) == (prometheus is null)) a.Errors.Add("give either --trace FILE or --prometheus URL with --query");
        if (prometheus is null && (query is not null || step is not null)) a.Errors.Add("--query and --step go with --prometheus");
        var (scenarioPath, hpaPath, hpaName, workloadPath) = (a.Single("--scenario"), a.Single("--hpa"), a.Single("--hpa-name"), a.Single("--workload"));
        if ((scenarioPath is null) == (hpaPath is null)) a.Errors.Add("give either --scenario YAML or --hpa MANIFEST with --workload YAML");
        if (hpaPath is not null && workloadPath is null) a.Errors.Add("--hpa needs --workload YAML (capacity per pod, startup time, ...: what a manifest cannot say)");
        if (hpaPath is null && (workloadPath is not null || hpaName is not null)) a.Errors.Add("--workload and --hpa-name go with --hpa");
        var outDir = a.Required("--out");
        var (from, to) = (a.Single("--from"), a.Single("--to"));
        var gates = VerbSupport.ParseGates(a.All("--fail-if"), a.Errors);
        var source = prometheus is null ? null : PrometheusArguments.Parse(prometheus, query, from, to, step, a.Errors);
        if (a.Errors.Count > 0) return VerbSupport.Fail(stderr, "replay", a.Errors);

        ReplaySummary summary;
        try
        {
            Func<LoadedTrace> loadTrace = source is null
                ? () => TraceLoader.Load(tracePath!, stderr)
                : () => TraceLoader.FromParsed(source.Name, source.Fetch(stderr), stderr);
            var (trace, scenario) = hpaPath is null
                ? VerbSupport.LoadInputs(loadTrace, () => ScenarioLoader.LoadFile(scenarioPath!))
                : VerbSupport.LoadInputs(loadTrace, () => HpaManifestLoader.Load(hpaPath, hpaName, workloadPath!));
            var range = ReplayRunner.Range(trace, from, to);
            summary = ReplayRunner.Run(trace, scenario, range.From, range.To, TerminalProgress.For(stderr).Reporter($"replay {scenario.Name}"));
        }
        catch (InputErrorException e)
        {
            return VerbSupport.Fail(stderr, e);
        }

        Write(outDir!, summary);
        stdout.WriteLine(VerbSupport.OneLine(summary));
        stdout.WriteLine($"wrote {Path.Combine(outDir!, "summary.json")}, timeline.csv, report.html{(summary.Outcome.Prescale is null ? string.Empty : ", decisions.jsonl")}");
        var breach = GateEvaluator.FirstBreach(gates, summary.NumericFields());
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
        autoscaler-sim replay: would this HPA configuration have kept up with this traffic, and at what cost?

        Usage:
          autoscaler-sim replay --trace CSV --scenario YAML --out DIR [--from T] [--to T] [--fail-if EXPR]...
          autoscaler-sim replay --trace CSV --hpa MANIFEST [--hpa-name NAME] --workload YAML --out DIR [...]
          autoscaler-sim replay --prometheus URL --query PROMQL --from T --to T [--step 1m] --scenario YAML ...

        Options:
          --trace FILE       load trace: CSV 'timestamp,value' (see below), or a saved Prometheus query_range
                             JSON response (curl 'URL/api/v1/query_range?query=...&start=...&end=...&step=60s')
          --prometheus URL   read the trace from a Prometheus server instead (query_range, in chunks of 10,000
                             points, one progress line per chunk); --from and --to set the range
          --query PROMQL     with --prometheus: one series, the demand per --step bucket,
                             e.g. 'sum(increase(http_requests_total{job="web"}[1m]))'
          --step DURATION    with --prometheus: the query_range step and the trace's bucket (default 1m)
          --scenario YAML    workload model and HPA configuration (see below)
          --hpa MANIFEST     your HorizontalPodAutoscaler as in the cluster (autoscaling/v2 or v2beta2 YAML,
                             quantities such as averageValue: 500m); its one metric is fed by the trace: External
                             (AverageValue or Value) or Resource cpu Utilization; no metrics = cpu 80 %
          --hpa-name NAME    the HPA to replay when MANIFEST holds several documents
          --workload YAML    with --hpa: the scenario's workload keys (capacityPerPod, startupSeconds, ...), an
                             optional name, and an optional 'controller:' section with profile, syncPeriodSeconds,
                             tolerance, downscaleStabilizationSeconds, cpuInitializationPeriodSeconds,
                             initialReadinessDelaySeconds and metricDelaySeconds. The same HPA given as a
                             scenario gives the same outputs, byte for byte.
          --out DIR          writes DIR/summary.json, DIR/timeline.csv (one row per HPA sync), DIR/report.html
                             (+ DIR/decisions.jsonl with a prescale section)
          --from T, --to T   crop the replay to [from, to), ISO-8601 UTC (default: the whole trace)
          --fail-if EXPR     CI gate, repeatable: FIELD OP NUMBER with OP one of > < >= <=,
                             e.g. --fail-if "overloadMinutes>30" --fail-if "podHours>=5000"

        Example:
          autoscaler-sim replay --trace simulator/traces/wc98_http_requests_1min_until_0627.csv \
            --scenario simulator/scenarios/wc98-external.yaml --out out/wc98 --fail-if "overloadMinutes>30"


        """ + ScenarioHelp.Text;
}
