using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;
using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Tests.Traces;

/// <summary>
/// Traces the fuzzer (issue #15) found escaping as <see cref="ArgumentOutOfRangeException"/> (DateTime arithmetic),
/// and the rest of that class: spans, steps and values that would overflow or ask for billions of syncs, now input
/// errors naming the file and the field.
/// </summary>
public sealed class TraceBoundsRegressionTests
{
    [Theory]
    // Seed 0x150201, case 595: a year mutated from 2020 to 6020; the trace's end + its bucket overflowed DateTime.
    [InlineData("timestamp,value\n2020-01-01T00:00:00.5Z,1e3\n2020-01-01T00:00:01.5Z,2E2\n6020-01-01T00:00:02.5Z,0.001\n", "longer than the 3653 days")]
    [InlineData("9999-12-31T23:59:59Z,1\n", "longer than the 3653 days")] // one point: its 1-minute bucket ends after year 9999
    [InlineData("1990-01-01T00:00:00Z,1\n2021-09-09T01:46:40Z,1\n", "longer than the 3653 days")] // a 10^9-second step
    [InlineData("0001-01-01T00:00:00Z,1\n9999-12-31T23:58:00Z,1\n", "before the Unix epoch")]
    [InlineData("0001-01-01T00:00:00Z,1\n", "before the Unix epoch")] // seed 0x150201, case 3299: the engine's look-back underflowed DateTime
    [InlineData("1969-12-31T23:59:00Z,1\n1970-01-01T00:00:00Z,1\n", "before the Unix epoch")]
    [InlineData("2020-01-01T00:00:00.0000001Z,1\n2020-01-01T00:00:00.0000002Z,1\n2020-01-01T00:00:00.0000003Z,1\n2020-01-02T00:00:00Z,1\n", "grid points; at most 10,000,000")]
    [InlineData("2020-01-01T00:00:00Z,1e308\n2020-01-01T00:00:01Z,1\n2020-01-01T00:00:02Z,1\n", "per minute once 1s buckets are normalised")]
    [InlineData("2020-01-01T00:00:00Z,2e15\n2020-01-01T00:01:00Z,1\n", "at most 1e15")]
    public void A_trace_beyond_the_bounds_is_an_input_error_naming_the_file(string csv, string message)
    {
        var parsed = TraceCsvParser.Parse(new StringReader(csv), "t.csv");
        var e = Assert.Throws<InputErrorException>(() => TraceLoader.FromParsed("t.csv", parsed, TextWriter.Null));
        var error = Assert.Single(e.Errors);
        Assert.Equal("t.csv", error.File);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Seed 0x150202, case 129: unix seconds 157783680036860 (year ~5,000,000) overflowed DateTime.AddTicks.
    [InlineData("157783680036860")]
    [InlineData("1e300")]
    [InlineData("-62135596801")]
    [InlineData("253402300800")]
    public void A_query_range_timestamp_outside_years_1_to_9999_is_an_error_at_its_index(string seconds)
    {
        var json = """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1577836800,"1"],[SECONDS,"2"]]}]}}""".Replace("SECONDS", seconds, StringComparison.Ordinal);
        var diagnostics = QueryRangeJson.Read(System.Text.Encoding.UTF8.GetBytes(json), "t.json", []);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("data.result[0].values[1]", error.Field);
        Assert.Contains("is not unix seconds between 0001-01-01 and 9999-12-31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valueScale_that_overflows_the_demand_is_an_input_error_before_any_replay()
    {
        var trace = TraceLoader.FromParsed("t.csv", TraceCsvParser.Parse(new StringReader("2020-01-01T00:00:00Z,1e10\n2020-01-01T00:01:00Z,1\n"), "t.csv"), TextWriter.Null);
        var scenario = TestScenarios.External();
        scenario = scenario with { Workload = scenario.Workload with { ValueScale = 1e300 } };
        var e = Assert.Throws<InputErrorException>(() => Autoscaler.Simulator.Replay.VerbSupport.LoadInputs(() => trace, [() => scenario]));
        Assert.Contains("valueScale 1E+300", Assert.Single(e.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaling_a_series_past_double_range_throws_instead_of_holding_infinity()
    {
        var series = Series.Create([new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)], [1e308]);
        Assert.Throws<OverflowException>(() => series.Scale(60));
    }

    [Fact]
    public void The_longest_trace_within_bounds_still_loads()
    {
        var csv = "2020-01-01T00:00:00Z,1\n2029-12-29T00:00:00Z,1\n2029-12-30T00:00:00Z,1\n";
        var trace = TraceLoader.FromParsed("t.csv", TraceCsvParser.Parse(new StringReader(csv), "t.csv"), TextWriter.Null);
        Assert.True(trace.End - trace.PerMinute.Start <= TraceBounds.MaxSpan);
    }
}
