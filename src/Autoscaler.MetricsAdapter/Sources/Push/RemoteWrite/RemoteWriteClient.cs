using System.Net;
using System.Net.Http.Headers;
using Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite.Protocol;
using Google.Protobuf;
using Snappier;

namespace Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;

/// <summary>
/// Sends <see cref="WriteRequest"/>s with the remote-write 1.0 protocol: HTTP POST of the protobuf body compressed with
/// snappy's block format, <c>Content-Encoding: snappy</c>, <c>Content-Type: application/x-protobuf</c>,
/// <c>X-Prometheus-Remote-Write-Version: 0.1.0</c>. Any 2xx is success; 429, 5xx, timeouts and connection errors are
/// retryable failures, other statuses a refusal (each a <see cref="RemoteWriteException"/> naming the receiver's answer).
/// </summary>
internal sealed class RemoteWriteClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly string _tokenFile;

    public RemoteWriteClient(RemoteWriteOptions options, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _url = new Uri(options.Url);
        _tokenFile = options.BearerTokenFile;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = options.Timeout };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("autoscaler-metrics-adapter", "1"));
    }

    /// <summary>Writes <paramref name="request"/>; returns when the receiver accepted it.</summary>
    public void Send(WriteRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(Snappy.CompressToArray(request.ToByteArray())) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        message.Content.Headers.ContentEncoding.Add("snappy");
        message.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
        if (_tokenFile.Length > 0)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(_tokenFile).Trim());
        }

        HttpResponseMessage response;
        try
        {
            response = _http.Send(message);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new RemoteWriteException($"remote write to {_url} failed: {e.Message}", retryable: true, e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            using var reader = new StreamReader(response.Content.ReadAsStream());
            var body = reader.ReadToEnd().Trim();
            var code = (int)response.StatusCode;
            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || code >= 500;
            throw new RemoteWriteException(
                $"remote write to {_url} answered {code} {response.ReasonPhrase}: {(body.Length > 500 ? body[..500] : body)}", retryable);
        }
    }

    public void Dispose() => _http.Dispose();
}
