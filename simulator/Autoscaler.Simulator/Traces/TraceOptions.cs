using System.CommandLine;
using Autoscaler.Simulator.Cli;

namespace Autoscaler.Simulator.Traces;

/// <summary>
/// The options every verb reads its trace with: <c>--trace FILE</c> or <c>--prometheus URL --query PROMQL</c> with a
/// query step, and the check that exactly one source is given. One definition for replay, compare and backtest.
/// </summary>
internal static class TraceOptions
{
    /// <summary>The Prometheus query step's option.</summary>
    public const string QueryStep = "--query-step";

    /// <summary>
    /// The trace options. The Prometheus query step is <c>--query-step</c> in every verb; <paramref name="stepAlias"/>
    /// (replay and compare: <c>--step</c>, its name before it was renamed) is kept working as the same option.
    /// Backtest has no alias: its <c>--step</c> is the origin spacing (<c>--origin-step</c>).
    /// </summary>
    public static IEnumerable<Option> All(string? stepAlias = null) =>
    [
        VerbOption.Text("--trace", "FILE", "The load trace: CSV 'timestamp,value' (ISO-8601 UTC; an offset such as +02:00 is converted to UTC and noted, no offset is read as UTC and warned; one bucket per line; gaps, duplicates and disorder are handled and reported), or a saved Prometheus query_range JSON response (curl 'URL/api/v1/query_range?query=...&start=...&end=...&step=60s')."),
        VerbOption.Text("--prometheus", "URL", "Read the trace from a Prometheus server instead of --trace (query_range, in chunks of 10,000 points, one progress line per chunk); --from and --to set the range read. Example: http://prometheus:9090"),
        VerbOption.Text("--query", "PROMQL", "With --prometheus: one series, the demand per step bucket, e.g. 'sum(increase(http_requests_total{job=\"web\"}[1m]))'."),
        VerbOption.Text(QueryStep, "DURATION", "With --prometheus: the query_range step, i.e. the width of each trace bucket read (units s, m, h; at least 1s; default: 1m). Not the HPA sync period (the scenario's hpa.syncPeriodSeconds)" + (stepAlias is null ? "." : $". {stepAlias} is the same option, kept for existing command lines."), stepAlias is null ? [] : [stepAlias]),
    ];

    /// <summary>
    /// The trace source the options name: a file loader, or a Prometheus source; null with the problems in
    /// <c>a.Errors</c>. <paramref name="from"/>/<paramref name="to"/> are the range read from Prometheus.
    /// </summary>
    public static Func<TextWriter, LoadedTrace>? Source(OptionValues a, string? from, string? to)
    {
        var (tracePath, prometheus, query, step) = (a.Single("--trace"), a.Single("--prometheus"), a.Single("--query"), a.Single(QueryStep));
        var stepName = a.Typed(QueryStep);
        if ((tracePath is null) == (prometheus is null)) a.Errors.Add("give either --trace FILE or --prometheus URL with --query");
        if (prometheus is null && (query is not null || step is not null)) a.Errors.Add($"--query and {stepName} go with --prometheus");
        if (prometheus is null)
        {
            return tracePath is null ? null : notes =>
            {
                Inputs.KindHint.Require((tracePath, "--trace"));
                return TraceLoader.Load(tracePath, notes);
            };
        }

        var source = PrometheusArguments.Parse(prometheus, query, from, to, step, a.Errors, stepName);
        return source is null ? null : notes => TraceLoader.FromParsed(source.Name, source.Fetch(notes), notes);
    }
}
