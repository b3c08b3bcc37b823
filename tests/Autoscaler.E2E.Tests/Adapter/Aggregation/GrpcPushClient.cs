using System.Buffers.Binary;
using System.Net;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Google.Protobuf;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>A minimal gRPC unary client over h2c (HttpClient + length-prefixed protobuf) for seeding the push source,
/// sending <c>Authorization: Bearer</c> when given a token.</summary>
internal sealed class GrpcPushClient(int port, string? bearerToken = null) : IDisposable
{
    private readonly HttpClient _http = new() { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    public async Task<uint> PushAsync(string ns, string name, IReadOnlyDictionary<string, string> labels, double value)
    {
        var (status, message, accepted) = await TryPushAsync(ns, name, labels, value);
        return status == "0" && accepted is { } count ? count : throw new InvalidOperationException($"push failed: grpc-status {status}: {message}");
    }

    /// <summary>Pushes one sample; returns grpc-status, the decoded grpc-message and, on success, the accepted count.</summary>
    public async Task<(string Status, string Message, uint? Accepted)> TryPushAsync(string ns, string name, IReadOnlyDictionary<string, string> labels, double value)
    {
        var request = new PushRequest { Namespace = ns };
        var sample = new Sample { Name = name, Value = value, TimestampUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        foreach (var (k, v) in labels)
        {
            sample.Labels[k] = v;
        }

        request.Samples.Add(sample);
        return await TrySendAsync(request);
    }

    /// <summary>Pushes a whole batch; returns grpc-status, the decoded grpc-message and, on success, the accepted count.</summary>
    public async Task<(string Status, string Message, uint? Accepted)> TrySendAsync(PushRequest request)
    {
        var payload = request.ToByteArray();
        var framed = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(framed, 5);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/autoscaler.metrics.v1.MetricsPush/Push")
        {
            Content = new ByteArrayContent(framed),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
        message.Headers.TryAddWithoutValidation("TE", "trailers");
        if (bearerToken is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearerToken);
        }

        using var response = await _http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = Header(response, "grpc-status") ?? "?";
        var text = Uri.UnescapeDataString(Header(response, "grpc-message") ?? string.Empty);
        if (status != "0" || body.Length < 5)
        {
            return (status, $"HTTP {(int)response.StatusCode} {response.Version}, {body.Length} bytes: {text}", null);
        }

        return (status, text, PushResponse.Parser.ParseFrom(body.AsSpan(5).ToArray()).Accepted);
    }

    public void Dispose() => _http.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var t) ? t.First() : response.Headers.TryGetValues(name, out var h) ? h.First() : null;
}
