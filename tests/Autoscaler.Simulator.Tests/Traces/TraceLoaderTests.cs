using Autoscaler.Simulator.Scenarios;
using Autoscaler.Simulator.Traces;

namespace Autoscaler.Simulator.Tests.Traces;

public sealed class TraceLoaderTests
{
    private static string Write(string text)
    {
        var path = Path.Combine(TestScenarios.TempDir(), "t.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void FiveMinuteBucketsBecomeDemandPerMinuteAndSaySo()
    {
        var trace = TraceLoader.Load(Write("timestamp,value\n2020-01-01T00:00:00Z,500\n2020-01-01T00:05:00Z,250\n"), TextWriter.Null);
        Assert.Equal([100d, 50], trace.PerMinute.Values.ToArray());
        Assert.Equal(TimeSpan.FromMinutes(5), trace.Interval);
        Assert.Contains("5m buckets", trace.Normalization, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2020, 1, 1, 0, 10, 0, DateTimeKind.Utc), trace.End);
    }

    [Fact]
    public void EmptyTraceIsAnError()
    {
        var path = Write("timestamp,value\n");
        var error = Assert.Single(Assert.Throws<InputErrorException>(() => TraceLoader.Load(path, TextWriter.Null)).Errors);
        Assert.Equal(path, error.File);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeDemandIsAnError()
    {
        var error = Assert.Single(Assert.Throws<InputErrorException>(() => TraceLoader.Load(Write("2020-01-01T00:00:00Z,-1\n"), TextWriter.Null)).Errors);
        Assert.Equal("value", error.Field);
    }

    [Fact]
    public void MissingFileIsAnError() =>
        Assert.Contains("not found", Assert.Single(Assert.Throws<InputErrorException>(() => TraceLoader.Load("/nonexistent/t.csv", TextWriter.Null)).Errors).Message, StringComparison.Ordinal);
}
