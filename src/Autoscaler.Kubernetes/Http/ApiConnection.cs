using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Autoscaler.Kubernetes.Config;
using Autoscaler.Kubernetes.Errors;
using Polly;

namespace Autoscaler.Kubernetes.Http;

/// <summary>
/// Sends API calls: client-side rate limit, per-attempt timeout and retries (Polly), bearer token with a
/// single re-read after a 401, and mapping of failures to <see cref="KubernetesApiException"/>.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _server;
    private readonly ITokenSource _tokens;
    private readonly TokenBucket _limiter;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly KubernetesClientConfiguration _config;
    private readonly KubernetesClientOptions _options;

    public ApiConnection(KubernetesClientConfiguration config, KubernetesClientOptions options, TimeProvider time, HttpMessageHandler handler)
    {
        _config = config;
        _options = options;
        Time = time;
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _server = config.Server.AbsoluteUri.TrimEnd('/');
        _tokens = config.TokenFile is { } file ? new FileTokenSource(file, time)
            : new StaticTokenSource(config.Token);
        _limiter = new TokenBucket(options.Qps, options.Burst, time);
        _pipeline = ResiliencePipelines.Create(options, time);
    }

    public TimeProvider Time { get; }

    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, streaming: false, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{request.Method} {request.PathAndQuery}: the response is not a valid {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Sends the call; returns a success response (the caller disposes it) or throws the mapped error.</summary>
    public async Task<HttpResponseMessage> SendAsync(ApiRequest request, bool streaming, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync(request, streaming, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && _tokens.Invalidate())
        {
            response.Dispose();
            response = await ExecuteAsync(request, streaming, cancellationToken).ConfigureAwait(false);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw Errors.ApiErrors.FromResponse(request.Method.Method, request.PathAndQuery, response.StatusCode, body);
        }
    }

    private async Task<HttpResponseMessage> ExecuteAsync(ApiRequest request, bool streaming, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelines.RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Self.AttemptAsync(state.Request, state.Streaming, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Self: this, Request: request, Streaming: streaming)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(ApiRequest request, bool streaming, CancellationToken cancellationToken)
    {
        await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        using var message = new HttpRequestMessage(request.Method, _server + request.PathAndQuery);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ApiRequest.Json));
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        if (_tokens.GetToken() is { Length: > 0 } token)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (_config.ImpersonateUser is { } user)
        {
            message.Headers.Add("Impersonate-User", user);
            foreach (var group in _config.ImpersonateGroups)
            {
                message.Headers.Add("Impersonate-Group", group);
            }
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType ?? ApiRequest.Json);
        }

        var completion = streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        return await _http.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}
