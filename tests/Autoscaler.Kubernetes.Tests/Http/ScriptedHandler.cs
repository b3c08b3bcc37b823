using System.Net;

namespace Autoscaler.Kubernetes.Tests.Http;

/// <summary>A mock HTTP peer (unit tests only): answers from a script and records the requests.</summary>
internal sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
{
    private int _next;

    public List<(HttpMethod Method, string Uri, string? Authorization, string? Body)> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!.ToString(), request.Headers.Authorization?.ToString(), body));
        var answer = answers[Math.Min(_next++, answers.Length - 1)];
        return answer(request);
    }

    public static Func<HttpRequestMessage, HttpResponseMessage> Status(HttpStatusCode code, string body = "{}", int? retryAfter = null) => _ =>
    {
        var response = new HttpResponseMessage(code) { Content = new StringContent(body) };
        if (retryAfter is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        return response;
    };
}
