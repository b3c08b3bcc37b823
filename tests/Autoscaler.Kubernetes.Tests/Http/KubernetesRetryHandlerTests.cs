using System.Net;
using Autoscaler.Kubernetes.Http;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Kubernetes.Tests.Http;

public sealed class KubernetesRetryHandlerTests
{
    private static (HttpClient Client, ScriptedHandler Peer, List<RetryNotice> Notices) Create(
        KubernetesRetryOptions options, params Func<HttpRequestMessage, HttpResponseMessage>[] answers)
    {
        var peer = new ScriptedHandler(answers);
        var notices = new List<RetryNotice>();
        options.OnRetry = notices.Add;
        return (new HttpClient(new KubernetesRetryHandler(options) { InnerHandler = peer }), peer, notices);
    }

    private static async Task<HttpResponseMessage> AdvanceUntilDoneAsync(FakeTimeProvider clock, Task<HttpResponseMessage> call)
    {
        for (var i = 0; i < 1000 && !call.IsCompleted; i++)
        {
            await Task.Delay(1);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await call.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_Retry_After_plus_at_most_half_of_it()
    {
        var clock = new FakeTimeProvider();
        var (client, peer, notices) = Create(
            new KubernetesRetryOptions { TimeProvider = clock, Random = new Random(7) },
            ScriptedHandler.Status(HttpStatusCode.TooManyRequests, retryAfter: 2),
            ScriptedHandler.Status(HttpStatusCode.OK, """{"kind":"ConfigMap"}"""));

        using var response = await AdvanceUntilDoneAsync(clock, client.GetAsync("https://api.test/api/v1/namespaces/x/configmaps/y"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, peer.Requests.Count);
        var notice = Assert.Single(notices);
        Assert.Equal(HttpStatusCode.TooManyRequests, notice.StatusCode);
        Assert.True(notice.FromRetryAfter);
        Assert.InRange(notice.Delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        Assert.Equal("/api/v1/namespaces/x/configmaps/y", notice.Path);
    }

    [Fact]
    public async Task A_POST_is_retried_after_a_429_with_its_body_but_not_after_a_plain_500()
    {
        var clock = new FakeTimeProvider();
        var (client, peer, notices) = Create(
            new KubernetesRetryOptions { TimeProvider = clock, Random = new Random(7) },
            ScriptedHandler.Status(HttpStatusCode.TooManyRequests, retryAfter: 1),
            ScriptedHandler.Status(HttpStatusCode.InternalServerError),
            ScriptedHandler.Status(HttpStatusCode.OK));

        using var response = await AdvanceUntilDoneAsync(clock, client.PostAsync("https://api.test/apis/x", new StringContent("""{"spec":{}}""")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(2, peer.Requests.Count);
        Assert.All(peer.Requests, r => Assert.Equal("""{"spec":{}}""", r.Body));
        Assert.Single(notices);
    }

    [Fact]
    public async Task Without_Retry_After_an_idempotent_5xx_backs_off_exponentially_until_the_retries_run_out()
    {
        var clock = new FakeTimeProvider();
        var (client, peer, notices) = Create(
            new KubernetesRetryOptions { TimeProvider = clock, MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(200), Random = new Random(7) },
            ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable));

        using var response = await AdvanceUntilDoneAsync(clock, client.GetAsync("https://api.test/api"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, peer.Requests.Count);
        Assert.Equal(new[] { 0, 1, 2 }, notices.Select(n => n.Attempt));
        Assert.All(notices, n => Assert.False(n.FromRetryAfter));
        Assert.All(notices, n => Assert.InRange(n.Delay, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task With_no_retries_the_first_answer_is_returned()
    {
        var (client, peer, notices) = Create(new KubernetesRetryOptions { MaxRetries = 0 }, ScriptedHandler.Status(HttpStatusCode.TooManyRequests, retryAfter: 1));

        using var response = await client.GetAsync("https://api.test/api");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(peer.Requests);
        Assert.Empty(notices);
    }

    [Fact]
    public void Invalid_settings_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new KubernetesRetryHandler(new KubernetesRetryOptions { BaseDelay = TimeSpan.FromSeconds(5), MaxDelay = TimeSpan.FromSeconds(1) }));
}
