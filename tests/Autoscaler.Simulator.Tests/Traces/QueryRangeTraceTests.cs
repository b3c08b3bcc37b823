using System.Text;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Prometheus.QueryRange;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Tests.Traces;

/// <summary>A saved Prometheus query_range response as a trace, and the chunking of live queries.</summary>
public sealed class QueryRangeTraceTests
{
    [Fact]
    public void AMatrixWithOneSeriesIsATraceAndNaNSamplesAreGaps()
    {
        const string json = """
            {"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"web"},
             "values":[[1714521600,"28000"],[1714521660,"8150.5"],[1714521720,"NaN"],[1714521780,"8450"]]}]}}
            """;
        var points = new List<TimedValue>();

        var diagnostics = QueryRangeJson.Read(Encoding.UTF8.GetBytes(json), "q.json", points);

        Assert.Equal(3, points.Count);
        Assert.Equal(new TimedValue(new DateTime(2024, 5, 1, 0, 1, 0, DateTimeKind.Utc), 8150.5), points[1]);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("1 NaN or infinite sample(s)", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"parse error at char 5"}""", "status", "parse error at char 5")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[]}}""", "data.resultType", "range query result")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"1"},"values":[]},{"metric":{"a":"2"},"values":[]}]}}""", "data.result", "aggregate in the query")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}}""", "data.result[0].values[0]", "expected [unix_seconds, \"number\"]")]
    [InlineData("""{"status": "succ""", "", "not valid JSON")]
    public void AResponseThatIsNotOneSeriesIsOneErrorNamingThePath(string json, string field, string message)
    {
        var diagnostics = QueryRangeJson.Read(Encoding.UTF8.GetBytes(json), "q.json", []);

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, field), (error.Severity, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceFilesAreToldApartByContent()
    {
        var dir = Directory.CreateTempSubdirectory("trace-file-").FullName;
        try
        {
            var json = Path.Combine(dir, "export.txt");
            File.WriteAllText(json, """  {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1714521600,"5"],[1714521660,"6"]]}]}}""");
            var csv = Path.Combine(dir, "trace.json");
            File.WriteAllText(csv, "timestamp,value\n2024-05-01T00:00:00Z,5\n2024-05-01T00:01:00Z,6\n");

            Assert.Equal(TraceFile.Parse(csv).Assembled!.Series.Values.ToArray(), TraceFile.Parse(json).Assembled!.Series.Values.ToArray());
            Assert.Equal([5.0, 6.0], TraceFile.Parse(json).Assembled!.Series.Values.ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(9_999, 1)]
    [InlineData(10_000, 1)]
    [InlineData(10_001, 2)]
    [InlineData(25_000, 3)]
    public void LongRangesAreSplitIntoChunksOfAtMostTenThousandPoints(int points, int chunks)
    {
        var from = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var source = new ChunkedRangeReader(new HttpClient(), new Uri("http://prometheus:9090/"), "q", from, from.AddMinutes(points - 1), TimeSpan.FromMinutes(1));

        var ranges = source.Chunks();

        Assert.Equal(chunks, ranges.Count);
        Assert.Equal(from, ranges[0].Start);
        Assert.Equal(from.AddMinutes(points - 1), ranges[^1].End);
        Assert.All(ranges, r => Assert.InRange((r.End - r.Start).TotalMinutes + 1, 1, ChunkedRangeReader.MaxPointsPerRequest));
        Assert.Equal(points, ranges.Sum(r => (int)(r.End - r.Start).TotalMinutes + 1)); // no point twice, none left out
    }

    [Theory]
    [InlineData("ftp://x", "q", "2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z", null, "is not an http(s) URL")]
    [InlineData("http://p:9090", null, "2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z", null, "option '--query': required")]
    [InlineData("http://p:9090", "q", null, "2024-05-02T00:00:00Z", null, "option '--from': required")]
    [InlineData("http://p:9090", "q", "2024-05-02T00:00:00Z", "2024-05-01T00:00:00Z", null, "is not before --to")]
    [InlineData("http://p:9090", "q", "2024-05-01T00:00:00Z", "2024-05-02T00:00:00Z", "0s", "option '--step'")]
    public void BadPrometheusOptionsAreNamed(string url, string? query, string? from, string? to, string? step, string message)
    {
        var errors = new List<string>();

        Assert.Null(PrometheusArguments.Parse(url, query, from, to, step, errors));
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }
}
