using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autoscaler.Calendar.Cluster;
using Autoscaler.E2E.Tests.Adapter;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Models;
using Microsoft.Playwright;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>
/// The after-event report on Debian's real Prometheus and the real control plane. Eight days of a checkout load (a daily
/// cycle, a flat 2,500 during a sale that ended an hour ago) and of its ready replicas (3, then 20 ten minutes into the
/// sale, 30 at twenty minutes; a kube-state-metrics-like series) are written into Prometheus's TSDB with promtool. The
/// ScalingEvent carries the controller's RaiseFloor decision record (floor 30, ten minutes before the start) in its status,
/// written through the status subresource as the controller writes it. The report, shown on the event's page in chromium,
/// must say: 20 overloaded minutes (2,500 above 300 then 2,000), capacity 20 minutes after the start, the 30 replicas ready
/// then, and the multiplier the load a week earlier suggests.
/// </summary>
[Trait("Category", "Calendar")]
[Collection(ControlPlaneCollection.Name)]
public sealed class CalendarReportTests : IAsyncLifetime
{
    private const double SaleLoad = 2500;
    private readonly ControlPlaneFixture _fixture;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private CalendarStage _stage = null!;

    public CalendarReportTests(ControlPlaneFixture fixture)
    {
        _fixture = fixture;
        var now = DateTimeOffset.UtcNow;
        _start = new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, TimeSpan.Zero) - TimeSpan.FromHours(3);
        _end = _start + TimeSpan.FromHours(2);
    }

    public async Task InitializeAsync()
    {
        _stage = await CalendarStage.CreateAsync(_fixture.Environment.Kubeconfig, "calendar-report", new Dictionary<string, string>
        {
            [CalendarAnnotations.HistoryQuery] = "checkout_load",
            [CalendarAnnotations.ReplicasQuery] = "checkout_ready_replicas",
        });
        var last = new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero) - TimeSpan.FromMinutes(1);
        var minutes = OpenMetricsBackfill.Every(TimeSpan.FromMinutes(1), last - TimeSpan.FromDays(8), last).ToList();
        await _stage.StartPrometheusAsync(new OpenMetricsBackfill().Gauge("checkout_load", string.Empty, minutes, Load).Gauge("checkout_ready_replicas", string.Empty, minutes, Ready), []);
        await _stage.StartAppOnPrometheusAsync("2m");
    }

    public async Task DisposeAsync() => await _stage.DisposeAsync();

    [Fact]
    public async Task After_a_sale_the_report_measures_time_to_capacity_from_prometheus_and_the_decision_record()
    {
        var created = await _stage.Kube.CustomObjects.CreateNamespacedCustomObjectAsync<V1Alpha1ScalingEvent>(
            new V1Alpha1ScalingEvent
            {
                ApiVersion = AutoscalerApi.ApiVersion,
                Kind = V1Alpha1ScalingEvent.KubeKind,
                Metadata = new V1ObjectMeta { Name = "lunch-sale", Annotations = new Dictionary<string, string> { [CalendarAnnotations.Title] = "Lunch sale" } },
                Spec = new ScalingEventSpec
                {
                    Targets = new ScalingEventTargets { HpaNames = ["checkout"] },
                    Start = Utc(_start), End = Utc(_end), Kind = "sale", LeadTime = "10m",
                    ExpectedLoad = new ExpectedLoad { Multiplier = 2 },
                },
            },
            AutoscalerApi.Group, AutoscalerApi.Version, _stage.Namespace, AutoscalerApi.ScalingEventPlural);
        var status = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["phase"] = "Completed",
                ["decisions"] = new JsonArray(new JsonObject
                {
                    ["time"] = Utc(_start - TimeSpan.FromMinutes(10)), ["hpa"] = "checkout", ["action"] = "RaiseFloor", ["floor"] = 30, ["previousFloor"] = 2,
                }),
            },
        };
        await _stage.Kube.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(status.ToJsonString(), V1Patch.PatchType.MergePatch), AutoscalerApi.Group, AutoscalerApi.Version, _stage.Namespace, AutoscalerApi.ScalingEventPlural, created.Metadata.Name);

        var page = await _stage.Browser.PageAsAsync("alice");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(_stage.PageUrl("#/edit/lunch-sale")),
            r => r.Url.EndsWith("/events/lunch-sale/report", StringComparison.Ordinal),
            new() { Timeout = 60_000 });
        var body = await response.TextAsync();
        Assert.True(response.Status == 200, body);
        var words = $"20m after the start; 30 replicas ready at {_start.AddMinutes(20):HH:mm}Z, 20m after the start";
        await Assertions.Expect(page.Locator("#time-to-capacity")).ToHaveTextAsync(words, new() { Timeout = 30_000 });
        // Written in UTC without a zone: the form shows it in UTC (not as the browser's Europe/Paris).
        await Assertions.Expect(page.GetByLabel("Time zone (IANA)")).ToHaveValueAsync("UTC");
        await CalendarBrowser.ShotAsync(page, "10-after-event-report");

        using var json = JsonDocument.Parse(body);
        var service = json.RootElement.GetProperty("services")[0];
        Assert.Equal(1200, service.GetProperty("timeToCapacitySeconds").GetDouble());
        Assert.Equal(20, service.GetProperty("overloadedMinutes").GetDouble());
        Assert.Equal("ready replicas", service.GetProperty("overloadBasis").GetString());
        Assert.Equal(30, service.GetProperty("floor").GetInt32());
        Assert.Equal(_start - TimeSpan.FromMinutes(10), service.GetProperty("floorRaisedAt").GetDateTimeOffset());
        Assert.Equal(_start + TimeSpan.FromMinutes(20), service.GetProperty("floorReadyAt").GetDateTimeOffset());
        Assert.Equal(SaleLoad, service.GetProperty("peakLoad").GetDouble());

        // A week earlier the same two hours carried the daily cycle (every other minute, as the 2-minute grid reads it).
        var week = Enumerable.Range(0, 60).Select(i => Load(_start - TimeSpan.FromDays(7) + TimeSpan.FromMinutes(2 * i))).Average();
        Assert.Equal(week, service.GetProperty("normalLoad").GetDouble(), 6);
        Assert.Equal(Math.Round(SaleLoad / week, 2), service.GetProperty("peakMultiplier").GetDouble());
        Assert.Equal(Math.Min(50, Math.Ceiling(SaleLoad / week * 2) / 2), service.GetProperty("suggestedMultiplier").GetDouble());
        var plannedPeak = service.GetProperty("plannedPeakFloor").GetInt32();
        Assert.Equal(Math.Round(SaleLoad / (plannedPeak * 100), 2), service.GetProperty("peakLoadVsPlan").GetDouble());
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>300 ± 150 over the day, whole numbers; a flat <see cref="SaleLoad"/> during the sale.</summary>
    private double Load(DateTimeOffset t) =>
        t >= _start && t < _end ? SaleLoad : Math.Round(300 + (150 * Math.Sin(2 * Math.PI * t.UtcDateTime.TimeOfDay.TotalMinutes / 1440)));

    private double Ready(DateTimeOffset t) =>
        t < _start + TimeSpan.FromMinutes(10) ? 3 : t < _start + TimeSpan.FromMinutes(20) ? 20 : 30;
}
