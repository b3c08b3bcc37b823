using System.IO.Compression;
using System.Net;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>
/// The wire behaviour of the gRPC port (Grpc.AspNetCore with the adapter's limits), driven with raw frames through
/// the push service: the status codes clients see for framing errors, limits, encodings and handler faults.
/// </summary>
public sealed class GrpcTransportTests : IAsyncLifetime
{
    private const string Push = "/autoscaler.metrics.v1.MetricsPush/Push";
    private const int MaxMessageBytes = 1024;
    private readonly FaultyStore _store = new();
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GrpcTestHost.StartAsync(
            services =>
            {
                services.AddSingleton<ISampleStore>(_store);
                services.Configure<PushOptions>(o => (o.MaxFutureSkew, o.MaxPastAge) = (TimeSpan.FromDays(36500), TimeSpan.FromDays(36500)));
                services.AddSingleton<Autoscaler.MetricsAdapter.Sources.Push.Authorization.IPushAuthorizer, Autoscaler.MetricsAdapter.Sources.Push.Authorization.AllowAnyPushAuthorizer>();
                services.AddPushGrpcService();
            },
            maxMessageBytes: MaxMessageBytes);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task The_generated_client_pushes_over_grpc_net_client()
    {
        var client = new MetricsPush.MetricsPushClient(_host.Channel);

        var reply = await client.PushAsync(Batch("a", "b"), deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.Equal(2u, reply.Accepted);
    }

    [Fact]
    public async Task A_message_split_across_body_chunks_is_reassembled_and_several_messages_share_a_chunk()
    {
        var body = new MemoryStream();
        foreach (var name in new[] { "a", "bb", "ccc" })
        {
            body.Write(GrpcTestHost.Frame(Batch(name)));
        }

        var request = GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/PushStream", []);
        request.Content = new StreamContent(new TrickleStream(body.ToArray(), chunk: 3));
        request.Content.Headers.ContentType = new("application/grpc");
        var reply = await _host.SendAsync(request);

        Assert.Equal(3u, reply.Single(PushResponse.Parser).Accepted);
    }

    [Fact]
    public async Task Length_prefix_longer_than_the_body_is_internal()
    {
        var frame = GrpcTestHost.Frame(Batch("a"));
        var reply = await Send(frame[..^2]);

        Assert.Equal(HttpStatusCode.OK, reply.HttpStatus);
        Assert.Equal("13", reply.Status);
    }

    [Fact]
    public async Task Truncated_header_is_internal() => Assert.Equal("13", (await Send([0, 0, 0])).Status);

    // Grpc.AspNetCore reports a bad flag byte and an undecodable message as UNKNOWN "Exception was thrown by handler."
    // (the hand-written transport said INTERNAL): it reads the request before any hook of ours could map it.
    [Fact]
    public async Task Invalid_flag_byte_is_unknown_and_the_server_keeps_serving()
    {
        Assert.Equal("2", (await Send(GrpcTestHost.Frame([], flag: 7))).Status);
        Assert.Equal(1u, (await Send(GrpcTestHost.Frame(Batch("ok")))).Single(PushResponse.Parser).Accepted);
    }

    [Fact]
    public async Task Oversized_message_is_resource_exhausted_from_the_header_alone()
    {
        var reply = await Send([0, 0x7F, 0xFF, 0xFF, 0xFF]);
        Assert.Equal("8", reply.Status);
    }

    [Fact]
    public async Task Bad_protobuf_is_unknown_and_the_server_keeps_serving()
    {
        var reply = await Send(GrpcTestHost.Frame([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]));
        Assert.Equal("2", reply.Status);
        Assert.Equal(0, _store.Appends);

        Assert.Equal(1u, (await Send(GrpcTestHost.Frame(Batch("ok")))).Single(PushResponse.Parser).Accepted);
    }

    // The hand-written transport said UNIMPLEMENTED here; Grpc.AspNetCore says INTERNAL (as grpc-java does).
    [Fact]
    public async Task Unary_with_zero_or_two_messages_is_internal_and_stores_nothing()
    {
        var none = await Send([]);
        var message = GrpcTestHost.Frame(Batch("a"));
        var two = await Send([.. message, .. message]);

        Assert.Equal("13", none.Status);
        Assert.Equal("13", two.Status);
        Assert.Equal(0, _store.Appends);
    }

    [Fact]
    public async Task Empty_message_is_a_valid_default_instance_and_is_judged_by_the_push_rules()
    {
        var reply = await Send(GrpcTestHost.Frame([]));
        Assert.Equal("3", reply.Status);
    }

    [Theory]
    [InlineData("/autoscaler.metrics.v1.MetricsPush/Nope")]
    [InlineData("/no.such.Service/Push")]
    public async Task Unknown_method_or_service_is_unimplemented(string path)
    {
        var reply = await _host.SendAsync(GrpcTestHost.Request(path, GrpcTestHost.Frame(Batch("a"))));
        Assert.Equal("12", reply.Status);
    }

    [Fact]
    public async Task Wrong_content_type_is_http_415()
    {
        var reply = await _host.SendAsync(GrpcTestHost.Request(Push, [], "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.HttpStatus);
    }

    [Fact]
    public async Task Http1_is_refused_with_426()
    {
        var request = GrpcTestHost.Request(Push, GrpcTestHost.Frame(Batch("a")));
        request.Version = HttpVersion.Version11;
        var reply = await _host.SendAsync(request);
        Assert.Equal(HttpStatusCode.UpgradeRequired, reply.HttpStatus);
    }

    [Fact]
    public async Task Gzip_message_within_the_limit_after_decompression_is_stored()
    {
        var payload = Batch(new string('z', 200)).ToByteArray();
        Assert.InRange(payload.Length, 200, MaxMessageBytes);

        var reply = await SendGzip(payload);

        Assert.Equal(1u, reply.Single(PushResponse.Parser).Accepted);
    }

    [Fact]
    public async Task Small_gzip_message_that_expands_past_the_limit_is_resource_exhausted_and_stores_nothing()
    {
        var payload = Batch(new string('z', 2 * MaxMessageBytes)).ToByteArray();
        var reply = await SendGzip(payload);

        Assert.Equal("8", reply.Status);
        Assert.Contains("Decompressed message larger than max (1024 bytes)", Uri.UnescapeDataString(reply.Message!), StringComparison.Ordinal);
        Assert.Equal(0, _store.Appends);
    }

    [Fact]
    public async Task Gzip_bomb_is_resource_exhausted()
    {
        var reply = await SendGzip(new byte[500_000]);
        Assert.Equal("8", reply.Status);
    }

    [Fact]
    public async Task Compressed_flag_without_encoding_is_internal() =>
        Assert.Equal("13", (await Send(GrpcTestHost.Frame([1, 2, 3], flag: 1))).Status);

    [Fact]
    public async Task Compressed_message_in_an_unsupported_encoding_is_unimplemented_and_lists_supported_ones()
    {
        var request = GrpcTestHost.Request(Push, GrpcTestHost.Frame([1, 2, 3], flag: 1));
        request.Headers.Add("grpc-encoding", "snappy");
        var reply = await _host.SendAsync(request);

        Assert.Equal("12", reply.Status);
        Assert.Equal("identity,gzip", reply.AcceptEncoding);
    }

    [Fact]
    public async Task Handler_exception_is_unknown_without_leaking_its_message_and_the_server_keeps_serving()
    {
        _store.FailNext = true;
        var reply = await Send(GrpcTestHost.Frame(Batch("a")));

        Assert.Equal("2", reply.Status);
        Assert.DoesNotContain("secret", reply.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(1u, (await Send(GrpcTestHost.Frame(Batch("b")))).Single(PushResponse.Parser).Accepted);
    }

    private Task<GrpcReply> Send(byte[] body) => _host.SendAsync(GrpcTestHost.Request(Push, body));

    private async Task<GrpcReply> SendGzip(byte[] payload)
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        Assert.True(compressed.Length < MaxMessageBytes, $"the compressed message ({compressed.Length} bytes) must pass the header check");
        var request = GrpcTestHost.Request(Push, GrpcTestHost.Frame(compressed.ToArray(), flag: 1));
        request.Headers.Add("grpc-encoding", "gzip");
        return await _host.SendAsync(request);
    }

    private static PushRequest Batch(params string[] names)
    {
        var request = new PushRequest { Namespace = "shop" };
        foreach (var name in names)
        {
            request.Samples.Add(new Sample { Name = "m", Value = 1, TimestampUnixMs = 1_700_000_000_000, Labels = { ["queue"] = name } });
        }

        return request;
    }

    /// <summary>An in-memory store that counts appends and can throw once, like a store bug would.</summary>
    private sealed class FaultyStore : ISampleStore, IDisposable
    {
        private readonly SqliteSampleStore _inner = new(":memory:");

        public bool FailNext { get; set; }

        public int Appends { get; private set; }

        public void Append(IReadOnlyList<MetricSample> batch)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("secret internals");
            }

            _inner.Append(batch);
            Appends++;
        }

        public IReadOnlyList<StoredSeries> Latest(string ns, string name, Func<IReadOnlyDictionary<string, string>, bool> matches) => _inner.Latest(ns, name, matches);

        public StoredRange? Range(RangeQuery query) => _inner.Range(query);

        public IReadOnlyList<(string Namespace, string Name)> MetricNames() => _inner.MetricNames();

        public int Prune(long cutoffUnixMs) => _inner.Prune(cutoffUnixMs);

        public void Dispose() => _inner.Dispose();
    }

    /// <summary>Hands out the body a few bytes per read, so frames straddle reads like DATA frames do.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
