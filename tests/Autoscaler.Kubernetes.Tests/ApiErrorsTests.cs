using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Kubernetes.Tests;

public sealed class ApiErrorsTests
{
    private static HttpOperationException Answer(HttpStatusCode code, string body) =>
        new($"Operation returned an invalid status code '{code}'") { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code), body) };

    [Fact]
    public void A_Status_body_gives_code_and_reason()
    {
        var e = Answer(HttpStatusCode.Conflict, """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"AlreadyExists","code":409,"message":"configmaps \"x\" already exists"}""");
        Assert.True(ApiErrors.IsConflict(e));
        Assert.False(ApiErrors.IsNotFound(e));
        Assert.Equal("AlreadyExists", ApiErrors.ReasonOf(e));
        Assert.Contains("already exists", ApiErrors.StatusOf(e)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_text_body_still_gives_the_code_but_no_Status()
    {
        var e = Answer(HttpStatusCode.TooManyRequests, "Too many requests, please try again later.\n");
        Assert.Equal(HttpStatusCode.TooManyRequests, ApiErrors.StatusCodeOf(e));
        Assert.Null(ApiErrors.StatusOf(e));
        Assert.Null(ApiErrors.ReasonOf(e));
    }

    [Fact]
    public void A_watch_ERROR_event_with_410_and_a_410_answer_are_both_Gone()
    {
        Assert.True(ApiErrors.IsGone(new KubernetesException(new V1Status { Code = 410, Reason = "Expired" })));
        Assert.True(ApiErrors.IsGone(Answer(HttpStatusCode.Gone, """{"kind":"Status","code":410,"reason":"Gone"}""")));
        Assert.False(ApiErrors.IsGone(new HttpRequestException("refused")));
        Assert.Null(ApiErrors.StatusCodeOf(new InvalidOperationException()));
    }
}
