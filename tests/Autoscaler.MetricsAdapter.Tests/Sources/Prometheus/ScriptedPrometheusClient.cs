using Autoscaler.Prometheus.Query;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Prometheus;

/// <summary>A unit-test stand-in for Prometheus: scripted series and query answers, recorded queries.
/// (The real-Prometheus tests live in Autoscaler.E2E.Tests.)</summary>
internal sealed class ScriptedPrometheusClient : IPrometheusClient
{
    public List<IReadOnlyDictionary<string, string>> Series { get; } = [];

    public Func<string, IReadOnlyList<PromSample>> Answer { get; set; } = _ => [];

    public PrometheusException? Failure { get; set; }

    public List<string> Queries { get; } = [];

    public Task<IReadOnlyList<PromSample>> QueryAsync(string promql, CancellationToken cancellationToken)
    {
        Queries.Add(promql);
        return Failure is null ? Task.FromResult(Answer(promql)) : Task.FromException<IReadOnlyList<PromSample>>(Failure);
    }

    public Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SeriesAsync(string match, TimeSpan lookback, CancellationToken cancellationToken) =>
        Failure is null
            ? Task.FromResult<IReadOnlyList<IReadOnlyDictionary<string, string>>>(Series.Where(s => NameMatches(match, s["__name__"])).ToList())
            : Task.FromException<IReadOnlyList<IReadOnlyDictionary<string, string>>>(Failure);

    // Understands the name part of the series selectors the tests use: name{...}, {__name__="x"}, {__name__=~"re"}.
    private static bool NameMatches(string match, string name)
    {
        var exact = System.Text.RegularExpressions.Regex.Match(match, "__name__=\"([^\"]*)\"");
        if (exact.Success)
        {
            return exact.Groups[1].Value == name;
        }

        var pattern = System.Text.RegularExpressions.Regex.Match(match, "__name__=~\"([^\"]*)\"");
        if (pattern.Success)
        {
            return System.Text.RegularExpressions.Regex.IsMatch(name, "^(?:" + pattern.Groups[1].Value + ")$");
        }

        return match.Split('{')[0] == name;
    }

    public static Dictionary<string, string> Labels(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[(2 * i) + 1]);
}
