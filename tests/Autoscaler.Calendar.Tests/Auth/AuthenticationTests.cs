using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Autoscaler.Calendar.Auth;
using Autoscaler.Calendar.Tests.Fakes;
using Microsoft.AspNetCore.TestHost;

namespace Autoscaler.Calendar.Tests.Auth;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private CalendarHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await CalendarHost.StartAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        _host.Rbac.Grant("pm", "shop", "list", "create");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_local_user_is_never_granted_to_a_non_loopback_caller()
    {
        await using var host = await CalendarHost.StartAsync(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), localUser: "laptop");
        host.Rbac.Grant("laptop", "shop", "list");
        var response = await host.App.GetTestClient().GetAsync(new Uri("/api/namespaces/shop/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task No_identity_is_401()
    {
        var response = await _host.App.GetTestClient().GetAsync(new Uri("/api/namespaces/shop/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("wrong-secret-0123456789")]
    public async Task User_headers_without_the_proxy_secret_are_refused(string secret)
    {
        var client = await _host.ProxiedAsync("pm", csrf: false, secret: secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/namespaces/shop/events", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task User_headers_with_the_proxy_secret_are_trusted_and_checked_by_rbac()
    {
        var client = await _host.ProxiedAsync("pm", csrf: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/namespaces/shop/events", UriKind.Relative))).StatusCode);
        var other = await _host.ProxiedAsync("mallory", csrf: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(new Uri("/api/namespaces/shop/events", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_is_checked_with_a_token_review_and_needs_no_csrf_token()
    {
        _host.Rbac.Tokens["good"] = new CalendarUser("pm", [], ProxyAuthenticationHandler.TokenMethod);
        var client = _host.App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bad");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/namespaces/shop/events", UriKind.Relative))).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "good");
        var created = await client.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Script", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00", timeZone = "UTC", loadKind = "absoluteFloor", loadValue = 5,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_browser_post_without_the_csrf_token_is_refused_and_saves_nothing()
    {
        var client = await _host.ProxiedAsync("pm", csrf: false);
        var response = await client.PostAsJsonAsync("/api/namespaces/shop/events", new
        {
            title = "Spring sale", services = new[] { "checkout" }, start = "2026-12-01T12:00", end = "2026-12-01T14:00", timeZone = "UTC", loadKind = "absoluteFloor", loadValue = 5,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CSRF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _host.Store.Count);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_and_no_secret()
    {
        var response = await _host.App.GetTestClient().GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain(CalendarHost.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
