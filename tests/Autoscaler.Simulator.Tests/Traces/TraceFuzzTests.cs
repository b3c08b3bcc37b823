using Autoscaler.Core.TimeSeries;
using Autoscaler.Fuzzing;
using Autoscaler.Prometheus.QueryRange;
using Autoscaler.Simulator.Replay;
using Autoscaler.Simulator.Tests.Fuzz;
using Autoscaler.Simulator.Traces;
using Xunit.Abstractions;

namespace Autoscaler.Simulator.Tests.Traces;

/// <summary>
/// Hostile traces (issue #15), seeded: a mutated CSV or query_range JSON goes through the same path as
/// <c>--trace</c> (parse, normalise to demand per minute, resolve the replay range, replay short ones), and either
/// replays or is refused with <see cref="Scenarios.InputErrorException"/> naming the file; nothing else escapes.
/// </summary>
public sealed class TraceFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_0x150201_4000_hostile_trace_csvs_replay_or_are_refused_with_input_errors()
    {
        var mutator = new SeededMutator(0x15_0201, SimulatorCorpus.TraceCsv, ["2020-01-01T00:00:00Z,", "0001-01-01T00:00:00Z,1", "9999-12-31T23:59:59.9999999Z,1", ",", "\"", "timestamp,value"]);
        var (accepted, refused) = FuzzRun.Cases(mutator, 4_000, text =>
            Replay(TraceCsvParser.Parse(new StringReader(text), "trace.csv")), SimulatorCorpus.IsInputError, output, "trace csv");
        Assert.True(accepted > 100 && refused > 100, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void Seed_0x150202_2000_hostile_query_range_jsons_replay_or_are_refused_with_input_errors()
    {
        var mutator = new SeededMutator(0x15_0202, SimulatorCorpus.QueryRangeJson, ["[1577836800,\"1\"]", "[1e300,\"1\"]", "[-62135596800,\"1\"]", "[253402300800,\"1\"]", "\"values\":", "null"]);
        var (accepted, refused) = FuzzRun.Cases(mutator, 2_000, text =>
        {
            var points = new List<TimedValue>();
            var diagnostics = QueryRangeJson.Read(System.Text.Encoding.UTF8.GetBytes(text), "trace.json", points);
            Replay(TraceFile.Assemble(points, diagnostics, "trace.json"));
        }, SimulatorCorpus.IsInputError, output, "query_range json");
        Assert.True(accepted > 10 && refused > 100, $"{accepted} accepted, {refused} refused");
    }

    /// <summary>What <c>replay --trace</c> does with a parsed trace; replays the ones short enough for a unit test.</summary>
    internal static void Replay(TraceParseResult parsed)
    {
        var trace = TraceLoader.FromParsed(parsed.Succeeded ? "trace.csv" : "trace.csv", parsed, TextWriter.Null);
        var (from, to) = ReplayRunner.Range(trace, null, null);
        if (to - from <= TimeSpan.FromDays(2)) ReplayRunner.Run(trace, TestScenarios.External(), from, to, null);
    }
}
