using Microsoft.Playwright;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>
/// Debian's chromium (/usr/bin/chromium, headless, no downloaded browser) driven through Playwright for the calendar e2e
/// tests. Pages play the authenticating proxy: each carries the user header and the calendar's shared secret. Screenshots
/// go to $AUTOSCALER_E2E_STATE/results/calendar/.
/// </summary>
internal sealed class CalendarBrowser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private CalendarBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Where screenshots go: $AUTOSCALER_E2E_STATE/results/calendar (or under /tmp/autoscaler-e2e).</summary>
    public static string ShotsDirectory { get; } =
        Path.Combine(Environment.GetEnvironmentVariable("AUTOSCALER_E2E_STATE") ?? "/tmp/autoscaler-e2e", "results", "calendar");

    public static async Task<CalendarBrowser> LaunchAsync()
    {
        Directory.CreateDirectory(ShotsDirectory);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
            return new CalendarBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page in a fresh context for <paramref name="user"/> (viewport in CSS pixels, browser zone Europe/Paris).</summary>
    public async Task<IPage> PageAsAsync(string user, int width = 1280, int height = 800)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Europe/Paris",
            // The test plays the authenticating proxy: it adds the user header and the shared secret.
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Remote-User"] = user, ["X-Proxy-Secret"] = CalendarServer.Secret },
        });
        return await context.NewPageAsync();
    }

    /// <summary>A full-page screenshot as <paramref name="name"/>.png in <see cref="ShotsDirectory"/>.</summary>
    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
