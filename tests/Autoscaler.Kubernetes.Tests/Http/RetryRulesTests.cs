using System.Net;
using System.Net.Http.Headers;
using Autoscaler.Kubernetes.Http;

namespace Autoscaler.Kubernetes.Tests.Http;

public sealed class RetryRulesTests
{
    [Theory]
    [InlineData("GET", 429, false, true)]
    [InlineData("POST", 429, false, true)]
    [InlineData("GET", 503, false, true)]
    [InlineData("POST", 503, false, false)]
    [InlineData("POST", 503, true, true)]
    [InlineData("PATCH", 500, false, false)]
    [InlineData("GET", 404, false, false)]
    [InlineData("PUT", 409, false, false)]
    public void Which_answers_are_retried(string method, int code, bool retryAfter, bool expected) =>
        Assert.Equal(expected, RetryRules.ShouldRetry(new HttpMethod(method), (HttpStatusCode)code, retryAfter));

    [Fact]
    public void Retry_After_is_read_as_seconds_or_as_a_date()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(1), RetryRules.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)), now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryRules.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(30)), now));
        Assert.Equal(TimeSpan.Zero, RetryRules.RetryAfter(new RetryConditionHeaderValue(now.AddSeconds(-5)), now));
        Assert.Null(RetryRules.RetryAfter(null, now));
    }
}
