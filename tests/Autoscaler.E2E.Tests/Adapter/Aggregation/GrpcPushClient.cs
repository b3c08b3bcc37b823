using System.Buffers.Binary;
using System.Net;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Google.Protobuf;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>A minimal gRPC unary client over h2c (HttpClient + length-prefixed protobuf) for seeding the push source.</summary>
internal sealed class GrpcPushClient(int port) : IDisposable
{
    private readonly HttpClient _http = new() { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    public async Task<uint> PushAsync(string ns, string name, IReadOnlyDictionary<string, string> labels, double value)
    {
        var request = new PushRequest { Namespace = ns };
        var sample = new Sample { Name = name, Value = value, TimestampUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        foreach (var (k, v) in labels)
        {
            sample.Labels[k] = v;
        }

        request.Samples.Add(sample);
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
        using var response = await _http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var s) ? s.First() : response.Headers.TryGetValues("grpc-status", out var h) ? h.First() : "?";
        if (status != "0" || body.Length < 5)
        {
            throw new InvalidOperationException($"push failed: HTTP {(int)response.StatusCode} {response.Version}, grpc-status {status}, {body.Length} bytes, headers {response.Headers}{response.Content.Headers}");
        }

        return PushResponse.Parser.ParseFrom(body.AsSpan(5).ToArray()).Accepted;
    }

    public void Dispose() => _http.Dispose();
}
