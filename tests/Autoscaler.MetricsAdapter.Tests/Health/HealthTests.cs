using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Tests.TestSupport;

namespace Autoscaler.MetricsAdapter.Tests.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task ReadyWhileOneSourceIsHealthyAndTrustIsLoaded()
    {
        await using var host = await AdapterTestHost.StartAsync();
        var ok = await host.SendAsync("/readyz");
        Assert.Equal((200, "ok"), (ok.Status, ok.Body));
        Assert.StartsWith("text/plain", ok.ContentType, StringComparison.Ordinal);

        host.Source.SetHealth(SourceHealth.Failed("prometheus unreachable"));
        var down = await host.SendAsync("/readyz");
        Assert.Equal(500, down.Status);
        Assert.Contains("[-]metric-sources failed: reason withheld", down.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("prometheus unreachable", down.Body, StringComparison.Ordinal);
        Assert.Equal(200, (await host.SendAsync("/livez")).Status);
        Assert.Equal(200, (await host.SendAsync("/healthz")).Status);
    }

    [Fact]
    public async Task NotReadyWithoutAnySourceOrWithoutTrust()
    {
        await using var noSource = await AdapterTestHost.StartAsync(withSource: false);
        Assert.Equal(500, (await noSource.SendAsync("/readyz")).Status);

        await using var noTrust = await AdapterTestHost.StartAsync();
        noTrust.Trust.Current = null;
        var r = await noTrust.SendAsync("/readyz?verbose");
        Assert.Contains("[-]authentication-trust failed", r.Body, StringComparison.Ordinal);
        Assert.Contains("[+]metric-sources ok", r.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerboseAndSingleChecks()
    {
        await using var host = await AdapterTestHost.StartAsync();
        var verbose = await host.SendAsync("/readyz?verbose");
        Assert.Equal("[+]ping ok\n[+]tls-certificate ok\n[+]metric-sources ok\n[+]authentication-trust ok\nreadyz check passed\n", verbose.Body);
        Assert.Equal((200, "ok"), ((await host.SendAsync("/livez/ping")).Status, (await host.SendAsync("/livez/ping")).Body));
        Assert.Equal(404, (await host.SendAsync("/readyz/nope")).Status);
    }

    [Fact]
    public async Task HealthIgnoresSpoofedIdentityHeadersAndNeedsNoCredentials()
    {
        await using var host = await AdapterTestHost.StartAsync();
        var r = await host.SendAsync("/healthz", headers: [new("X-Remote-User", "x")]);
        Assert.Equal(200, r.Status);
        Assert.Equal(0, host.Reviewers.AccessCalls);
    }
}
