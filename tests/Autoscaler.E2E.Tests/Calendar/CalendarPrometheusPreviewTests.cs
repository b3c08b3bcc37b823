using System.Globalization;
using System.Text;
using System.Text.Json;
using Autoscaler.Calendar.Cluster;
using Autoscaler.E2E.Tests.Adapter;
using Autoscaler.E2E.Tests.Fixtures;
using Microsoft.Playwright;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>
/// The preview's history from Debian's real Prometheus: four days of a checkout load (a daily cycle, whole numbers) written into Prometheus's TSDB with <c>promtool tsdb create-blocks-from openmetrics</c> under the labels of a
/// live target Prometheus then scrapes every second (the same series continues with the live value). A product manager
/// previews "Lunch rush, about 8x" in the browser; the chart's recent load is what Prometheus holds (backfilled minutes,
/// then the scraped value) and the forecast is the calendar's seasonal-naive one over it: the load one day earlier, ×8
/// inside the window.
/// </summary>
[Trait("Category", "Calendar")]
[Collection(ControlPlaneCollection.Name)]
public sealed class CalendarPrometheusPreviewTests : IAsyncLifetime
{
    private readonly ControlPlaneFixture _fixture;
    private const double LiveValue = 640;
    private const double Multiplier = 8;
    private readonly DateTimeOffset _first;
    private readonly DateTimeOffset _last;
    private CalendarStage _stage = null!;
    private LiveLoadTarget? _target;

    public CalendarPrometheusPreviewTests(ControlPlaneFixture fixture)
    {
        _fixture = fixture;
        var now = DateTimeOffset.UtcNow;
        _last = new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero) - TimeSpan.FromMinutes(1);
        _first = _last - TimeSpan.FromDays(4);
    }

    public async Task InitializeAsync()
    {
        _stage = await CalendarStage.CreateAsync(_fixture.Environment.Kubeconfig, "calendar-prom", new Dictionary<string, string>
        {
            [CalendarAnnotations.HistoryQuery] = "checkout_load{job=\"checkout\"}",
        });
        _target = await LiveLoadTarget.StartAsync();
        _target.Set("checkout_load", LiveValue);
        // The backfilled series carries the labels of the live one, so the scrape continues it.
        var labels = $"instance=\"127.0.0.1:{_target.Port}\",job=\"checkout\",namespace=\"{_stage.Namespace}\"";
        var history = new OpenMetricsBackfill().Gauge("checkout_load", labels, OpenMetricsBackfill.Every(TimeSpan.FromMinutes(1), _first, _last), Load);
        await _stage.StartPrometheusAsync(history, [("checkout", _target.Port, _stage.Namespace)]);
        await _stage.StartAppOnPrometheusAsync("30s");
    }

    public async Task DisposeAsync()
    {
        await _stage.DisposeAsync();
        if (_target is not null) await _target.DisposeAsync();
    }

    [Fact]
    public async Task The_preview_charts_and_forecasts_the_load_prometheus_holds()
    {
        // The scraped value must be what Prometheus answers 70 s ago, so the last point of the recent chart is live: on Core's
        // HistoryGrid (30 s step, epoch-aligned, a point known once its step has ended) the last point lies 30-60 s before now.
        await LiveValueVisibleAsync();

        var paris = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var startUtc = new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks / (5 * TimeSpan.TicksPerMinute) * (5 * TimeSpan.TicksPerMinute), TimeSpan.Zero) + TimeSpan.FromMinutes(30);
        string Local(DateTimeOffset t) => NodaTime.Instant.FromDateTimeOffset(t).InZone(paris).ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var page = await _stage.Browser.PageAsAsync("alice");
        await page.GotoAsync(_stage.PageUrl("#/new"));
        await page.GetByLabel("Title").FillAsync("Lunch rush");
        await page.GetByLabel("Checkout").CheckAsync();
        await page.GetByLabel("Start (local time)").FillAsync(Local(startUtc));
        await page.GetByLabel("End (local time)").FillAsync(Local(startUtc + TimeSpan.FromMinutes(30)));
        await page.GetByLabel("Time zone (IANA)").FillAsync("Europe/Paris");
        await page.GetByLabel("Expected traffic").SelectOptionAsync("multiplier");
        await page.GetByLabel("N", new() { Exact = true }).FillAsync(Multiplier.ToString(CultureInfo.InvariantCulture));
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync(),
            r => r.Url.Contains("/preview", StringComparison.Ordinal),
            new() { Timeout = 60_000 });
        var body = await response.TextAsync();
        Assert.True(response.Status == 200, body);
        await Assertions.Expect(page.Locator("#preview-chart")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await CalendarBrowser.ShotAsync(page, "9-preview-from-prometheus");

        using var json = JsonDocument.Parse(body);
        var service = json.RootElement.GetProperty("services")[0];
        Assert.DoesNotContain(service.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("history", StringComparison.Ordinal));

        // Recent load: every backfilled point is the minute's sample Prometheus holds; the newest is the scraped value.
        var recent = service.GetProperty("recent").EnumerateArray().Select(p => (Time: p.GetProperty("time").GetDateTimeOffset(), Value: p.GetProperty("value").GetDouble())).ToList();
        Assert.InRange(recent.Count, 2800, 2880);
        var backfilled = recent.Where(p => p.Time < _last + TimeSpan.FromMinutes(1) && p.Time >= _first).ToList();
        Assert.True(backfilled.Count > 2500, $"{backfilled.Count} backfilled points");
        Assert.All(backfilled, p => Assert.True(p.Value == Load(p.Time) || p.Value == LiveValue, $"{p.Time:O}: {p.Value}, expected {Load(p.Time)}"));
        Assert.All(backfilled.Where(p => p.Time < _last), p => Assert.Equal(Load(p.Time), p.Value));
        Assert.Equal(LiveValue, recent[^1].Value);

        // Forecast: seasonal naive over a day, so p50 is the load one day earlier, times 8 inside the window.
        var end = startUtc + TimeSpan.FromMinutes(30);
        var forecast = service.GetProperty("points").EnumerateArray()
            .Where(p => p.GetProperty("p50").ValueKind == JsonValueKind.Number)
            .Select(p => (Time: p.GetProperty("time").GetDateTimeOffset(), P50: p.GetProperty("p50").GetDouble(), Floor: p.GetProperty("floor").GetInt32()))
            .ToList();
        Assert.Contains(forecast, p => p.Time >= startUtc && p.Time < end);
        Assert.Contains(forecast, p => p.Time < startUtc);
        var report = new StringBuilder();
        foreach (var p in forecast)
        {
            var expected = Load(p.Time - TimeSpan.FromDays(1)) * (p.Time >= startUtc && p.Time < end ? Multiplier : 1);
            report.Append(CultureInfo.InvariantCulture, $"{p.Time:HH:mm:ss} p50 {p.P50} expected {expected} floor {p.Floor}\n");
        }

        Assert.All(forecast, p => Assert.True(
            Math.Abs(p.P50 - (Load(p.Time - TimeSpan.FromDays(1)) * (p.Time >= startUtc && p.Time < end ? Multiplier : 1))) < 1e-6, report.ToString()));
        var peakNeed = forecast.Where(p => p.Time >= startUtc && p.Time < end).Max(p => (int)Math.Ceiling(p.P50 / 100));
        Assert.True(service.GetProperty("peakFloor").GetInt32() >= peakNeed, $"peak floor {service.GetProperty("peakFloor")} below the p50 need {peakNeed}\n{report}");
        await Assertions.Expect(page.Locator("#ready-by")).ToContainTextAsync($"for a {Local(startUtc)[11..]} start");
        // The page's summary of the recent load: the daily minimum Prometheus holds (300 - 150) and the scraped value.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Recent load (last 24 h): min 150, max 640");
    }

    /// <summary>
    /// The backfilled load at the whole minute at or before <paramref name="t"/>: 300 ± 150 over the day, whole numbers. Exactly
    /// periodic, so the forecaster's own backtest residuals are zero and its p50 is exactly the load a day earlier.
    /// </summary>
    private static double Load(DateTimeOffset t)
    {
        var minute = new DateTimeOffset(t.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return Math.Round(300 + (150 * Math.Sin(2 * Math.PI * minute.TimeOfDay.TotalMinutes / 1440)));
    }

    private async Task LiveValueVisibleAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.TrueAsync("Prometheus answering the scraped checkout_load 70 s ago", async seen =>
        {
            var at = (DateTimeOffset.UtcNow - TimeSpan.FromSeconds(70)).ToUnixTimeMilliseconds() / 1000.0;
            var url = new Uri(_stage.Prometheus!.Url, "api/v1/query?query=" + Uri.EscapeDataString("checkout_load{job=\"checkout\"}") + "&time=" + at.ToString("0.###", CultureInfo.InvariantCulture));
            var body = await http.GetStringAsync(url);
            seen(body);
            using var doc = JsonDocument.Parse(body);
            var result = doc.RootElement.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 1 && result[0].GetProperty("value")[1].GetString() == LiveValue.ToString(CultureInfo.InvariantCulture);
        }, TimeSpan.FromSeconds(120), Eventually.ApiOrHttpError);
    }
}
