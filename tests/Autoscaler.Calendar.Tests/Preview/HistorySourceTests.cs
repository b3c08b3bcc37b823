using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Hosting;
using Autoscaler.Calendar.Preview;
using Autoscaler.Prometheus.QueryRange;
using Microsoft.Extensions.Options;

namespace Autoscaler.Calendar.Tests.Preview;

public sealed class HistorySourceTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

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

    [Fact]
    public async Task A_csv_is_read_on_Cores_grid_aligned_and_without_the_bucket_still_open()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["timestamp,value", "2014-04-10T00:00:00Z,10", "2014-04-10T00:05:00Z,40", "2014-04-10T00:10:00Z,70"]);
        var history = await new CsvHistory(file, TimeSpan.FromMinutes(5), false).GetHistoryAsync(
            new DateTimeOffset(2014, 4, 9, 23, 58, 30, TimeSpan.Zero), new DateTimeOffset(2014, 4, 10, 0, 12, 0, TimeSpan.Zero), default);

        Assert.Equal(new DateTimeOffset(2014, 4, 10, 0, 0, 0, TimeSpan.Zero), history!.Start); // as the controller's and the simulator's grid
        Assert.Equal([10, 40], history.Values.ToArray()); // 00:10's bucket is still open at 00:12
        File.Delete(file);
    }

    [Fact]
    public async Task Ready_replicas_come_from_the_replicas_query_or_the_replicas_csv_beside_the_load()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(dir, "shop"));
        await File.WriteAllLinesAsync(Path.Combine(dir, "shop", "checkout.csv"), ["timestamp,value", "2026-11-30T10:00:00Z,500"]);
        await File.WriteAllLinesAsync(Path.Combine(dir, "shop", "checkout.replicas.csv"), ["timestamp,value", "2026-11-30T10:00:00Z,7"]);
        var workload = new Workload("shop", "checkout", "Checkout", 2, 40, 3, 100, null);
        var csv = new ConfiguredHistorySources(new NoHttp(), Options.Create(new CalendarOptions { HistoryCsvDirectory = dir }));
        Assert.Equal(500, (await csv.For(workload, out _)!.GetHistoryAsync(From, From + TimeSpan.FromMinutes(5), default))!.Values[0]);
        Assert.Equal(7, (await csv.ReplicasFor(workload, out _)!.GetHistoryAsync(From, From + TimeSpan.FromMinutes(5), default))!.Values[0]);
        Assert.Null(csv.ReplicasFor(workload with { HpaName = "search" }, out var why));
        Assert.Contains("search.replicas.csv", why, StringComparison.Ordinal);

        var prometheus = new ConfiguredHistorySources(new NoHttp(), Options.Create(new CalendarOptions { PrometheusUrl = "http://prometheus:9090" }));
        Assert.Null(prometheus.ReplicasFor(workload, out why));
        Assert.Contains(CalendarAnnotations.ReplicasQuery, why, StringComparison.Ordinal);
        Assert.IsType<PrometheusRangeHistory>(prometheus.ReplicasFor(workload with { ReplicasQuery = "kube_deployment_status_replicas_available" }, out _));
        Directory.Delete(dir, recursive: true);
    }

    private sealed class NoHttp : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
