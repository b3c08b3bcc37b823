using System.Net;
using System.Text;
using Autoscaler.Calendar.Preview;

namespace Autoscaler.Calendar.Tests.Preview;

public sealed class HistorySourceTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Prometheus_query_range_is_read_onto_an_aligned_grid_with_gaps_as_nan_and_nothing_at_the_end()
    {
        var handler = new Recording("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1796032800,"10"],[1796033100,"12.5"],[1796033700,"20"]]}]}}""");
        var source = new PrometheusRangeHistory(new HttpClient(handler), new Uri("http://prometheus:9090/"), "sum(rate(http_requests_total[5m]))", TimeSpan.FromMinutes(5));
        var history = await source.GetHistoryAsync(From + TimeSpan.FromSeconds(20), From + TimeSpan.FromMinutes(20), default);
        Assert.Contains("start=1796032800&end=1796033700&step=300", handler.Uri!.Query, StringComparison.Ordinal);
        Assert.Contains("query=sum%28rate%28http_requests_total%5B5m%5D%29%29", handler.Uri.Query, StringComparison.Ordinal);
        Assert.Equal(From, history!.Start);
        Assert.Equal([10, 12.5, double.NaN, 20], history.Values.ToArray());
    }

    [Fact]
    public async Task Prometheus_with_no_series_means_no_history()
    {
        var source = new PrometheusRangeHistory(new HttpClient(new Recording("""{"status":"success","data":{"resultType":"matrix","result":[]}}""")), new Uri("http://p/"), "up", TimeSpan.FromMinutes(1));
        Assert.Null(await source.GetHistoryAsync(From, From + TimeSpan.FromHours(1), default));
    }

    [Fact]
    public async Task A_csv_trace_is_averaged_per_step_and_can_be_retimed_to_end_now()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["timestamp,value", "2014-04-10T00:00:00Z,10", "2014-04-10T00:02:00Z,20", "2014-04-10T00:05:00Z,40"]);
        var asRecorded = await new CsvHistory(file, TimeSpan.FromMinutes(5), false).GetHistoryAsync(new DateTimeOffset(2014, 4, 10, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2014, 4, 10, 0, 10, 0, TimeSpan.Zero), default);
        Assert.Equal([15, 40], asRecorded!.Values.ToArray());
        var retimed = await new CsvHistory(file, TimeSpan.FromMinutes(5), true).GetHistoryAsync(From - TimeSpan.FromMinutes(15), From, default);
        Assert.Equal(40, retimed!.Values[^1]);
        await File.WriteAllLinesAsync(file, ["timestamp,value", "yesterday,1"]);
        var error = await Assert.ThrowsAsync<FormatException>(async () => await new CsvHistory(file, TimeSpan.FromMinutes(5), false).GetHistoryAsync(From, From + TimeSpan.FromHours(1), default));
        Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
        File.Delete(file);
    }

    private sealed class Recording(string body) : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
