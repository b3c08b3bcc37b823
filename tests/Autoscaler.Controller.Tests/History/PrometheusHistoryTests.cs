using System.Globalization;
using System.Net;
using System.Text;
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
    public async Task A_long_window_widens_the_step_under_the_point_limit()
    {
        var handler = new Scripted(_ => (HttpStatusCode.OK, Matrix((From, "1"))));
        var source = new PrometheusRangeHistory(new HttpClient(handler), new Uri("http://prom:9090/"), "up", TimeSpan.FromSeconds(15));
        var history = (await source.GetHistoryAsync(From, From.AddDays(14), CancellationToken.None))!;
        Assert.True(history.Count <= 10_000);
        Assert.True(history.Step > TimeSpan.FromSeconds(15));
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
