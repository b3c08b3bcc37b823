using Autoscaler.Core.Forecasting;
using System.Net.Http.Headers;
using Autoscaler.Core.TimeSeries;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Sources.Push.History;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Autoscaler.Prometheus.QueryRange;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push.History;

/// <summary>
/// The history endpoint on the real adapter pipeline: authenticated like every request, authorized as get pushedmetrics
/// in the path's namespace, Prometheus-shaped answers that the controller's query_range client reads unchanged.
/// </summary>
public sealed class QueryRangeEndpointTests : IAsyncLifetime
{
    private const string Reader = "system:serviceaccount:autoscaler-system:autoscaler-controller";
    private const string Path = "/history/namespaces/shop/api/v1/query_range";
    private static readonly Dictionary<string, string> Orders = new() { ["queue"] = "orders" };
    private AdapterTestHost _host = null!;
    private ISampleStore _store = null!;
    private long _now;

    public async Task InitializeAsync()
    {
        _host = await AdapterTestHost.StartAsync(withSource: false, services: s =>
        {
            s.AddSingleton<ISampleStore>(sp => new SqliteSampleStore(":memory:", sp.GetRequiredService<TimeProvider>()));
            s.AddPushHistory(new ConfigurationBuilder().Build());
        });
        _store = _host.App.Services.GetRequiredService<ISampleStore>();
        _host.Reviewers.Tokens["reader"] = AuthenticatedUser.Create(Reader, "u1", ["system:serviceaccounts"], null);
        // The reader may get pushedmetrics in shop only (and non-resource paths, so a wrong path reaches the handler).
        _host.Reviewers.Decide = (user, a) => user.Name == Reader && (a.Namespace == "shop" || !a.IsResourceRequest);
        // Whole seconds, so the grid below is exact.
        _now = _host.Clock.GetUtcNow().ToUnixTimeSeconds() * 1000;
        for (var i = 0; i < 10; i++)
        {
            _store.Append([new MetricSample("shop", "queue_length", Orders, 10 + i, _now - ((10 - i) * 60_000))]);
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<TestResponse> Get(string query, string? token = "reader", string path = Path)
    {
        var headers = token is null ? [] : new List<KeyValuePair<string, string>> { new("Authorization", "Bearer " + token) };
        return _host.SendAsync($"{path}?{query}", headers: headers);
    }

    private string Range(string selector, long fromMs, long toMs, string step = "60") =>
        $"query={Uri.EscapeDataString(selector)}&start={fromMs / 1000}&end={toMs / 1000}&step={step}";

    [Fact]
    public async Task Without_credentials_the_answer_is_401_json()
    {
        var r = await Get(Range("queue_length{queue=\"orders\"}", _now - 600_000, _now), token: null);

        Assert.Equal(401, r.Status);
        Assert.Equal("Unauthorized", r.Json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Reading_is_authorized_as_get_pushedmetrics_in_the_paths_namespace_only()
    {
        var other = await Get(Range("queue_length", _now - 600_000, _now), path: "/history/namespaces/billing/api/v1/query_range");

        Assert.Equal(403, other.Status);
        Assert.Equal(
            $"pushedmetrics.metrics.autoscaler.dev is forbidden: User \"{Reader}\" cannot get resource \"pushedmetrics\" in API group \"metrics.autoscaler.dev\" in the namespace \"billing\": no RBAC policy matched",
            other.Json.GetProperty("message").GetString());
        Assert.Equal(
            new RequestAttributes(true, "/history/namespaces/billing/api/v1/query_range", "get", "billing", "metrics.autoscaler.dev", "v1", "pushedmetrics"),
            _host.Reviewers.Reviewed.Single());
        Assert.Equal(200, (await Get(Range("queue_length{queue=\"orders\"}", _now - 600_000, _now))).Status);
    }

    [Theory]
    [InlineData("query=sum(queue_length)&start=0&end=60&step=60", "invalid parameter \"query\": unsupported: function or aggregation 'sum(...)'")]
    [InlineData("query=queue_length%7Bqueue%3D~%22o.%2A%22%7D&start=0&end=60&step=60", "unsupported: label matcher 'queue=~'")]
    [InlineData("query=queue_length&start=yesterday&end=60&step=60", "invalid parameter \"start\": cannot parse \"yesterday\" to a valid timestamp")]
    [InlineData("query=queue_length&start=0&step=60", "invalid parameter \"end\": cannot parse \"\" to a valid timestamp")]
    [InlineData("query=queue_length&start=0&end=60&step=-1", "zero or negative query resolution step widths are not accepted")]
    [InlineData("query=queue_length&start=120&end=60&step=60", "end timestamp must not be before start time")]
    [InlineData("query=queue_length&start=0&end=86400&step=1", "exceeded maximum resolution of 11,000 points per timeseries (asked for 86,401)")]
    [InlineData("query=a&query=b&start=0&end=60&step=60", "invalid parameter \"query\": given 2 times")]
    public async Task Bad_input_is_a_prometheus_style_400(string query, string message)
    {
        var r = await Get(query);

        Assert.Equal(400, r.Status);
        Assert.Equal("error", r.Json.GetProperty("status").GetString());
        Assert.Equal("bad_data", r.Json.GetProperty("errorType").GetString());
        Assert.Contains(message, r.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_paths_under_history_are_404_and_other_methods_405()
    {
        Assert.Equal(404, (await Get("query=q", path: "/history/namespaces/shop/api/v1/query")).Status);
        var post = await _host.SendAsync(Path, headers: [new("Authorization", "Bearer reader")], method: "POST");
        Assert.Equal(405, post.Status);
    }

    [Fact]
    public async Task The_answer_is_a_prometheus_matrix_on_the_step_grid()
    {
        var r = await Get(Range("queue_length{queue=\"orders\"}", _now - 600_000, _now, step: "2m"));

        Assert.Equal(200, r.Status);
        Assert.Equal("application/json", r.ContentType);
        var series = r.Json.GetProperty("data").GetProperty("result").EnumerateArray().Single();
        Assert.Equal("""{"__name__":"queue_length","queue":"orders"}""", series.GetProperty("metric").GetRawText());
        var start = (_now - 600_000) / 1000;
        Assert.Equal(
            $"[[{start},\"10\"],[{start + 120},\"12\"],[{start + 240},\"14\"],[{start + 360},\"16\"],[{start + 480},\"18\"],[{start + 600},\"19\"]]",
            series.GetProperty("values").GetRawText());
    }

    [Fact]
    public async Task An_unknown_series_is_an_empty_matrix()
    {
        var r = await Get(Range("queue_length{queue=\"refunds\"}", _now - 600_000, _now));

        Assert.Equal(200, r.Status);
        Assert.Equal("""{"status":"success","data":{"resultType":"matrix","result":[]}}""", r.Body);
    }

    [Fact]
    public async Task The_controllers_query_range_client_reads_the_pushed_history_unchanged()
    {
        using var http = _host.Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "reader");
        var source = new PrometheusRangeHistory(http, new Uri(http.BaseAddress!, HistoryRoute.BasePath("shop")), "queue_length{queue=\"orders\"}", TimeSpan.FromMinutes(1));
        var from = DateTimeOffset.FromUnixTimeMilliseconds(_now - (12 * 60_000));

        var history = await source.GetHistoryAsync(from, from.AddMinutes(12), CancellationToken.None);

        Assert.NotNull(history);
        // Core's grid (epoch-aligned minutes, a point once its minute has ended): _now is whole seconds, not whole minutes,
        // so the first point is the next whole minute after `from`. Each point holds the newest push at or before it,
        // pushes were one a minute, 10..19, from 10 minutes before _now; points before the first push are missing.
        var grid = HistoryGrid.Covering(from, from.AddMinutes(12), TimeSpan.FromMinutes(1), TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMinutes(1), history.Step);
        Assert.Equal(grid.Start, history.Start);
        var expected = Enumerable.Range(0, grid.Count).Select(k =>
        {
            var t = grid.TimeAt(k).ToUnixTimeMilliseconds();
            var pushed = Enumerable.Range(0, 10).Where(i => _now - ((10 - i) * 60_000) <= t).ToList();
            return pushed.Count == 0 ? double.NaN : 10 + pushed[^1];
        }).ToArray();
        Assert.Equal(expected, history.Values.ToArray());
        Assert.Contains(10.0, expected);
        Assert.Contains(18.0, expected);
    }
}
