using System.Globalization;
using System.Net;
using System.Text;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Core.Forecasting;
using Autoscaler.Prometheus.QueryRange;

namespace Autoscaler.Controller.Tests.History;

public sealed class PrometheusHistoryTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    internal sealed class Scripted(Func<HttpRequestMessage, (HttpStatusCode, string)> answer) : HttpMessageHandler
    {
        public List<Uri> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!);
            var (status, body) = answer(request);
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private static string Matrix(params (DateTimeOffset At, string Value)[] points) =>
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":["
        + string.Join(",", points.Select(p => $"[{(p.At.ToUnixTimeMilliseconds() / 1000.0).ToString(CultureInfo.InvariantCulture)},\"{p.Value}\"]")) + "]}]}}";

    [Fact]
    public async Task Samples_land_on_the_grid_with_gaps_as_NaN_and_nothing_at_or_after_to()
    {
        var handler = new Scripted(_ => (HttpStatusCode.OK, Matrix((From, "10"), (From.AddMinutes(10), "30"), (From.AddMinutes(15), "NaN"))));
        var source = new PrometheusRangeHistory(new HttpClient(handler), new Uri("http://prom:9090/"), "sum(rate(x[1m]))", TimeSpan.FromMinutes(5));

        var history = (await source.GetHistoryAsync(From, From.AddMinutes(20), CancellationToken.None))!;

        Assert.Equal(TimeSpan.FromMinutes(5), history.Step);
        Assert.Equal(4, history.Count); // 00:00, 00:05, 00:10, 00:15; never 00:20
        Assert.Equal(10, history.Values[0]);
        Assert.True(double.IsNaN(history.Values[1]));
        Assert.Equal(30, history.Values[2]);
        var query = handler.Requests[0].Query;
        Assert.Contains("query=sum%28rate%28x%5B1m%5D%29%29", query, StringComparison.Ordinal);
        Assert.Contains("&end=" + From.AddMinutes(15).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), query, StringComparison.Ordinal);
        Assert.Contains("&step=300", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fourteen_days_at_one_minute_are_read_in_chunks_on_the_one_minute_grid()
    {
        // Each answer covers exactly its request; the value is the minute since From, so every index checks its place.
        var handler = new Scripted(r => (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, at => (at - From.UtcDateTime).TotalMinutes)));
        var source = new PrometheusRangeHistory(new HttpClient(handler), new Uri("http://prom:9090/"), "up", TimeSpan.FromMinutes(1));

        var history = (await source.GetHistoryAsync(From, From.AddDays(14), CancellationToken.None))!;

        Assert.Equal(TimeSpan.FromMinutes(1), history.Step); // not widened to 121 s
        Assert.Equal(14 * 24 * 60, history.Count);
        Assert.Equal(Enumerable.Range(0, history.Count).Select(i => (double)i).ToArray(), history.Values.ToArray());
        Assert.Equal(3, handler.Requests.Count);
        var ranges = handler.Requests.Select(u => System.Web.HttpUtility.ParseQueryString(u.Query))
            .Select(q => (Start: double.Parse(q["start"]!, CultureInfo.InvariantCulture), End: double.Parse(q["end"]!, CultureInfo.InvariantCulture), Step: q["step"]))
            .ToList();
        Assert.All(ranges, r => Assert.Equal("60", r.Step));
        Assert.All(ranges, r => Assert.True((r.End - r.Start) / 60 + 1 <= ChunkedRangeReader.MaxPointsPerRequest, "a chunk over the point limit"));
        Assert.Equal(ranges[0].End + 60, ranges[1].Start); // contiguous: no point twice, none missing
        Assert.Equal(ranges[1].End + 60, ranges[2].Start);
    }

    [Fact]
    public async Task A_metric_delay_leaves_out_the_points_not_known_yet_as_the_simulator_does()
    {
        var handler = new Scripted(r => (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, at => (at - From.UtcDateTime).TotalMinutes)));
        var now = From.AddHours(1);
        var prompt = new PrometheusRangeHistory(new HttpClient(handler), new Uri("http://prom:9090/"), "up", TimeSpan.FromMinutes(1));
        var delayed = new PrometheusRangeHistory(new HttpClient(handler), new Uri("http://prom:9090/"), "up", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(90));

        var all = (await prompt.GetHistoryAsync(From, now, CancellationToken.None))!;
        var known = (await delayed.GetHistoryAsync(From, now, CancellationToken.None))!;

        Assert.Equal(60, all.Count); // the minute from 59 is known at 60
        Assert.Equal(58, known.Count); // + 90 s: the minute from 57 is known at 59:30, the one from 58 only at 60:30
        Assert.Equal(HistoryGrid.Covering(From, now, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(90)).Count, known.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PrometheusRangeHistory(new HttpClient(handler), new Uri("http://prom:9090/"), "up", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task Beyond_ten_requests_the_step_is_widened()
    {
        var handler = new Scripted(_ => (HttpStatusCode.OK, Matrix((From, "1"))));
        var source = new PrometheusRangeHistory(new HttpClient(handler), new Uri("http://prom:9090/"), "up", TimeSpan.FromSeconds(5));
        var history = (await source.GetHistoryAsync(From, From.AddDays(14), CancellationToken.None))!;
        Assert.True(history.Count <= PrometheusRangeHistory.MaxPoints);
        Assert.Equal(TimeSpan.FromSeconds(13), history.Step); // ceil(1,209,600 s / 100,000)
        Assert.InRange(handler.Requests.Count, 2, 10);
    }

    [Fact]
    public async Task Several_series_or_an_error_status_are_errors_naming_the_query()
    {
        var two = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":\"1\"},\"values\":[]},{\"metric\":{\"a\":\"2\"},\"values\":[]}]}}";
        var several = new PrometheusRangeHistory(new HttpClient(new Scripted(_ => (HttpStatusCode.OK, two))), new Uri("http://prom:9090/"), "rate(x[1m])", TimeSpan.FromMinutes(1));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await several.GetHistoryAsync(From, From.AddHours(1), CancellationToken.None));
        Assert.Contains("'rate(x[1m])' returned 2 series", e.Message, StringComparison.Ordinal);

        var bad = new PrometheusRangeHistory(new HttpClient(new Scripted(_ => (HttpStatusCode.BadRequest, "{\"status\":\"error\",\"error\":\"parse error\"}"))), new Uri("http://prom:9090/"), "rate(", TimeSpan.FromMinutes(1));
        var h = await Assert.ThrowsAsync<HttpRequestException>(async () => await bad.GetHistoryAsync(From, From.AddHours(1), CancellationToken.None));
        Assert.Contains("parse error", h.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_series_is_no_history()
    {
        var empty = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
        var source = new PrometheusRangeHistory(new HttpClient(new Scripted(_ => (HttpStatusCode.OK, empty))), new Uri("http://prom:9090/"), "up", TimeSpan.FromMinutes(1));
        Assert.Null(await source.GetHistoryAsync(From, From.AddHours(1), CancellationToken.None));
    }
}
