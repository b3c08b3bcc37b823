using System.Net;
using Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;
using Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Snappier;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push.RemoteWrite;

public sealed class RemoteWriteClientTests
{
    private readonly RecordingHandler _handler = new();

    [Fact]
    public void Sends_a_snappy_compressed_protobuf_write_request_with_the_protocol_headers()
    {
        using var client = Client();
        var request = RemoteWriteRequestBuilder.Build([RemoteWriteRequestBuilderTests.Sample("shop", "queue_length", 4, 1000, ("queue", "orders"))]);

        client.Send(request);

        var sent = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("http://receiver.test/api/v1/write", sent.Uri);
        Assert.Equal("application/x-protobuf", sent.ContentType);
        Assert.Equal("snappy", sent.ContentEncoding);
        Assert.Equal("0.1.0", sent.Version);
        Assert.Equal(request, WriteRequest.Parser.ParseFrom(Snappy.DecompressToArray(sent.Body)));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    public void A_failed_write_names_the_receivers_answer_and_whether_to_retry(HttpStatusCode status, bool retryable)
    {
        _handler.Answer = status;
        using var client = Client();

        var error = Assert.Throws<RemoteWriteException>(() => client.Send(new WriteRequest()));

        Assert.Equal(retryable, error.Retryable);
        Assert.Contains($"answered {(int)status}", error.Message, StringComparison.Ordinal);
        Assert.Contains("receiver says no", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_failure_is_retryable()
    {
        _handler.Throw = true;
        using var client = Client();

        Assert.True(Assert.Throws<RemoteWriteException>(() => client.Send(new WriteRequest())).Retryable);
    }

    [Fact]
    public void Also_mode_stores_locally_and_remotely_and_instead_mode_only_remotely()
    {
        using var local = new SqliteSampleStore(":memory:");
        using var also = new RemoteWriteSampleStore(local, Client());
        using var instead = new RemoteWriteSampleStore(null, Client());
        var batch = new[] { RemoteWriteRequestBuilderTests.Sample("shop", "q", 4, 1000) };

        also.Append(batch);
        instead.Append(batch);

        Assert.Equal(2, _handler.Requests.Count);
        Assert.Single(also.Latest("shop", "q", _ => true));
        Assert.Empty(instead.Latest("shop", "q", _ => true));
        Assert.Empty(instead.MetricNames());
    }

    private RemoteWriteClient Client() => new(new RemoteWriteOptions { Url = "http://receiver.test/api/v1/write" }, _handler);

    private sealed record Sent(HttpMethod Method, string Uri, string? ContentType, string ContentEncoding, string Version, byte[] Body);

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Sent> Requests { get; } = [];

        public HttpStatusCode Answer { get; set; } = HttpStatusCode.NoContent;

        public bool Throw { get; set; }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Throw)
            {
                throw new HttpRequestException("Connection refused (receiver.test:80)");
            }

            Requests.Add(new Sent(request.Method, request.RequestUri!.ToString(), request.Content!.Headers.ContentType?.MediaType,
                string.Join(',', request.Content.Headers.ContentEncoding), string.Join(',', request.Headers.GetValues("X-Prometheus-Remote-Write-Version")),
                request.Content.ReadAsByteArrayAsync(cancellationToken).GetAwaiter().GetResult()));
            return new HttpResponseMessage(Answer) { Content = new StringContent((int)Answer >= 300 ? "receiver says no" : string.Empty) };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }
}
