using System.Net;
using System.Net.Http.Json;
using Autoscaler.Calendar.Hosting;
using Autoscaler.Calendar.Tests.Fakes;
using Microsoft.Extensions.Configuration;

namespace Autoscaler.Calendar.Tests.Hosting;

/// <summary>
/// Regression (new user's trial): the data-protection key ring lived in the pod's /tmp emptyDir, so after a restart every
/// open page's CSRF token was refused ("reload the page"). With <c>Calendar:DataProtectionKeysPath</c> on a lasting volume,
/// a token issued before the restart validates after it: two hosts in turn, sharing only that directory.
/// </summary>
public sealed class KeyRingRestartTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly string _keys = Directory.CreateTempSubdirectory("calendar-keys-").FullName;
    private readonly string _otherKeys = Directory.CreateTempSubdirectory("calendar-keys-").FullName;

    [Fact]
    public async Task A_csrf_token_issued_before_a_restart_validates_after_it_when_the_keys_persist()
    {
        var (cookie, token) = await IssueTokenAsync(_keys);
        Assert.NotEmpty(Directory.GetFiles(_keys, "key-*.xml"));

        var response = await CancelAsync(_keys, cookie, token);

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"expected the cancel to pass the CSRF check and find no event (404); got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Without_the_same_key_ring_the_same_token_is_refused()
    {
        // The control: what the user saw. Proves the first test would fail if the keys were not shared.
        var (cookie, token) = await IssueTokenAsync(_keys);

        var response = await CancelAsync(_otherKeys, cookie, token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CSRF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_keys_path_that_does_not_exist_is_a_start_error()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:DataProtectionKeysPath"] = "/nonexistent/calendar-keys" }).Build();
        Assert.Equal(
            "Calendar:DataProtectionKeysPath: directory '/nonexistent/calendar-keys' does not exist (mount a volume that outlives the pod there)",
            Assert.Single(CalendarCommandLine.Check(config)));
    }

    public void Dispose()
    {
        Directory.Delete(_keys, recursive: true);
        Directory.Delete(_otherKeys, recursive: true);
    }

    private static Dictionary<string, string> Settings(string keys) => new() { ["Calendar:DataProtectionKeysPath"] = keys };

    private static async Task<(string Cookie, string Token)> IssueTokenAsync(string keys)
    {
        await using var before = await CalendarHost.StartAsync(Now, settings: Settings(keys));
        before.Rbac.Grant("pm", "shop", "list", "update");
        var client = await before.ProxiedAsync("pm");
        return (client.DefaultRequestHeaders.GetValues("Cookie").Single(), client.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single());
    }

    private static async Task<HttpResponseMessage> CancelAsync(string keys, string cookie, string token)
    {
        await using var after = await CalendarHost.StartAsync(Now, settings: Settings(keys));
        after.Rbac.Grant("pm", "shop", "list", "update");
        var client = await after.ProxiedAsync("pm", csrf: false);
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        var response = await client.PostAsJsonAsync("/api/namespaces/shop/events/absent/cancel", new { });
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
