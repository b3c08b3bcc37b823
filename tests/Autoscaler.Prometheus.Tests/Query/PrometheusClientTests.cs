using System.Net;
using Autoscaler.Prometheus.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.Prometheus.Tests.Query;

/// <summary>The real HTTP client and Polly pipeline against an in-process HTTP endpoint that misbehaves on cue.</summary>
public sealed class PrometheusClientTests : IAsyncLifetime
{
    private IHost _host = null!;
    private readonly List<Dictionary<string, string>> _forms = [];
    private int _requests;
    private Queue<(int Status, string Body)> _script = new();

    public async Task InitializeAsync()
    {
        _host = new HostBuilder().ConfigureWebHost(web => web.UseTestServer().Configure(app => app.Run(async context =>
        {
            Interlocked.Increment(ref _requests);
            var form = await context.Request.ReadFormAsync();
            _forms.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var (status, body) = _script.Count > 0 ? _script.Dequeue()
                : context.Request.Path == "/api/v1/series" ? (200, """{"status":"success","data":[{"__name__":"http_requests_total","pod":"a"}]}""")
                : (200, $$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"q":"{{{form["query"]}}}"},"value":[1,"5"]}]}}""");
            context.Response.StatusCode = status;
            context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
            await context.Response.WriteAsync(body);
        }))).Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Posts_the_query_as_a_form()
    {
        var sample = Assert.Single(await Client().QueryAsync("sum(rate(x[1m])) by (pod) + 1", default));
        Assert.Equal("sum(rate(x[1m])) by (pod) + 1", sample.Labels["q"]);
    }

    [Fact]
    public async Task Transient_failures_are_retried()
    {
        _script = new([(503, "overloaded"), (502, "bad gateway")]);

        var samples = await Client(retries: 2).QueryAsync("up", default);

        Assert.Single(samples);
        Assert.Equal(3, _requests);
    }

    [Fact]
    public async Task Query_errors_are_not_retried()
    {
        _script = new([(400, """{"status":"error","errorType":"bad_data","error":"parse error"}""")]);

        var ex = await Assert.ThrowsAsync<PrometheusException>(() => Client(retries: 2).QueryAsync("sum(", default));

        Assert.Equal(PrometheusFailure.QueryError, ex.Failure);
        Assert.Equal(1, _requests);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_stops_calling_prometheus()
    {
        _script = new(Enumerable.Repeat((503, "down"), 100));
        var client = Client(retries: 0);
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<PrometheusException>(() => client.QueryAsync("up", default));
        }

        var before = _requests;
        var ex = await Assert.ThrowsAsync<PrometheusException>(() => client.QueryAsync("up", default));

        Assert.Equal(PrometheusFailure.Unavailable, ex.Failure);
        Assert.Contains("circuit", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, _requests);
    }

    [Fact]
    public async Task Series_asks_for_the_lookback_window_ending_now()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

        var series = await Client(time: time).SeriesAsync("{__name__=~\"http_.*\"}", TimeSpan.FromMinutes(10), default);

        var form = Assert.Single(_forms);
        Assert.Equal("{__name__=~\"http_.*\"}", form["match[]"]);
        Assert.Equal("1699999400", form["start"]);
        Assert.Equal("1700000000", form["end"]);
        Assert.Equal([new Dictionary<string, string> { ["__name__"] = "http_requests_total", ["pod"] = "a" }], series);
    }

    private PrometheusClient Client(int retries = 0, TimeProvider? time = null)
    {
        var options = new PrometheusResilienceOptions { MaxRetries = retries, BreakDuration = TimeSpan.FromMinutes(1) };
        var http = new HttpClient(_host.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://prometheus/") };
        // Retry delays and timeouts run on the real clock here (a fake one would never let a retry happen).
        return new PrometheusClient(http, PrometheusResilience.Build(options, TimeProvider.System), time ?? TimeProvider.System);
    }
}
