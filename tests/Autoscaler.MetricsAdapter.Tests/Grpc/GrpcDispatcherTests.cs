using System.IO.Compression;
using System.Net;
using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Grpc.Health.Protocol;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

public sealed class GrpcDispatcherTests : IAsyncLifetime
{
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GrpcTestHost.StartAsync(
            services => services.TryAddEnumerable(ServiceDescriptor.Singleton<IGrpcService, TestEchoService>()),
            maxMessageBytes: 1024);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Unary_call_returns_one_message_and_status_ok_in_trailers()
    {
        var reply = await Send("/test.v1.Echo/Echo", GrpcTestHost.Frame(new HealthCheckRequest { Service = "hello" }));

        Assert.Equal(HttpStatusCode.OK, reply.HttpStatus);
        Assert.Equal("hello", reply.Single(HealthCheckRequest.Parser).Service);
    }

    [Fact]
    public async Task A_message_split_across_body_chunks_is_reassembled_and_several_messages_share_a_chunk()
    {
        var body = new MemoryStream();
        foreach (var part in new[] { "a", "bb", "ccc" })
        {
            body.Write(GrpcTestHost.Frame(new HealthCheckRequest { Service = part }));
        }

        var request = GrpcTestHost.Request("/test.v1.Echo/Concat", []);
        request.Content = new StreamContent(new TrickleStream(body.ToArray(), chunk: 3));
        request.Content.Headers.ContentType = new("application/grpc");
        var reply = await _host.SendAsync(request);

        Assert.Equal("a+bb+ccc", reply.Single(HealthCheckRequest.Parser).Service);
    }

    [Fact]
    public async Task Length_prefix_longer_than_the_body_is_internal()
    {
        var frame = GrpcTestHost.Frame(new HealthCheckRequest { Service = "hello" });
        var reply = await Send("/test.v1.Echo/Echo", frame[..^2]);

        Assert.Equal(HttpStatusCode.OK, reply.HttpStatus);
        Assert.Equal(((int)GrpcStatusCode.Internal).ToString(), reply.Status);
        Assert.Contains("Incomplete", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_header_is_internal()
    {
        var reply = await Send("/test.v1.Echo/Echo", [0, 0, 0]);
        Assert.Equal("13", reply.Status);
    }

    [Fact]
    public async Task Invalid_flag_byte_is_internal()
    {
        var reply = await Send("/test.v1.Echo/Echo", GrpcTestHost.Frame([], flag: 7));
        Assert.Equal("13", reply.Status);
    }

    [Fact]
    public async Task Oversized_message_is_resource_exhausted_from_the_header_alone()
    {
        var header = new byte[] { 0, 0x7F, 0xFF, 0xFF, 0xFF };
        var reply = await Send("/test.v1.Echo/Echo", header);

        Assert.Equal(((int)GrpcStatusCode.ResourceExhausted).ToString(), reply.Status);
    }

    [Fact]
    public async Task Bad_protobuf_is_internal_and_the_server_keeps_serving()
    {
        var reply = await Send("/test.v1.Echo/Echo", GrpcTestHost.Frame([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]));
        Assert.Equal("13", reply.Status);

        var next = await Send("/test.v1.Echo/Echo", GrpcTestHost.Frame(new HealthCheckRequest { Service = "ok" }));
        Assert.Equal("ok", next.Single(HealthCheckRequest.Parser).Service);
    }

    [Fact]
    public async Task Unary_with_zero_or_two_messages_is_unimplemented()
    {
        var none = await Send("/test.v1.Echo/Echo", []);
        var message = GrpcTestHost.Frame(new HealthCheckRequest());
        var two = await Send("/test.v1.Echo/Echo", [.. message, .. message]);

        Assert.Equal("12", none.Status);
        Assert.Equal("12", two.Status);
    }

    [Fact]
    public async Task Empty_message_is_a_valid_default_instance()
    {
        var reply = await Send("/test.v1.Echo/Echo", GrpcTestHost.Frame([]));
        Assert.Equal(string.Empty, reply.Single(HealthCheckRequest.Parser).Service);
    }

    [Fact]
    public async Task Unknown_method_is_unimplemented()
    {
        var reply = await Send("/test.v1.Echo/Nope", GrpcTestHost.Frame(new HealthCheckRequest()));
        Assert.Equal("12", reply.Status);
    }

    [Fact]
    public async Task Wrong_content_type_is_http_415()
    {
        var reply = await _host.SendAsync(GrpcTestHost.Request("/test.v1.Echo/Echo", [], "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.HttpStatus);
    }

    [Fact]
    public async Task Http1_is_refused()
    {
        var request = GrpcTestHost.Request("/test.v1.Echo/Echo", GrpcTestHost.Frame(new HealthCheckRequest()));
        request.Version = HttpVersion.Version11;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        var reply = await _host.SendAsync(request);
        Assert.Equal(HttpStatusCode.UpgradeRequired, reply.HttpStatus);
    }

    [Fact]
    public async Task Gzip_message_is_decompressed()
    {
        var payload = new HealthCheckRequest { Service = new string('z', 500) }.ToByteArray();
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        var request = GrpcTestHost.Request("/test.v1.Echo/Echo", GrpcTestHost.Frame(compressed.ToArray(), flag: 1));
        request.Headers.Add("grpc-encoding", "gzip");
        var reply = await _host.SendAsync(request);

        Assert.Equal(500, reply.Single(HealthCheckRequest.Parser).Service.Length);
    }

    [Fact]
    public async Task Gzip_bomb_is_resource_exhausted()
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(new byte[100_000]);
        }

        var request = GrpcTestHost.Request("/test.v1.Echo/Echo", GrpcTestHost.Frame(compressed.ToArray(), flag: 1));
        request.Headers.Add("grpc-encoding", "gzip");
        Assert.Equal("8", (await _host.SendAsync(request)).Status);
    }

    [Fact]
    public async Task Compressed_flag_without_encoding_is_internal()
    {
        var reply = await Send("/test.v1.Echo/Echo", GrpcTestHost.Frame([1, 2, 3], flag: 1));
        Assert.Equal("13", reply.Status);
    }

    [Fact]
    public async Task Unsupported_encoding_is_unimplemented_and_lists_supported_ones()
    {
        var request = GrpcTestHost.Request("/test.v1.Echo/Echo", GrpcTestHost.Frame(new HealthCheckRequest()));
        request.Headers.Add("grpc-encoding", "snappy");
        var reply = await _host.SendAsync(request);

        Assert.Equal("12", reply.Status);
        Assert.Equal("identity,gzip", reply.AcceptEncoding);
    }

    [Fact]
    public async Task Deadline_is_enforced_as_deadline_exceeded()
    {
        var request = GrpcTestHost.Request("/test.v1.Echo/Slow", GrpcTestHost.Frame(new HealthCheckRequest()));
        request.Headers.Add("grpc-timeout", "50m");
        var reply = await _host.SendAsync(request);

        Assert.Equal(((int)GrpcStatusCode.DeadlineExceeded).ToString(), reply.Status);
    }

    [Fact]
    public async Task Malformed_timeout_is_internal()
    {
        var request = GrpcTestHost.Request("/test.v1.Echo/Echo", GrpcTestHost.Frame(new HealthCheckRequest()));
        request.Headers.Add("grpc-timeout", "soon");
        Assert.Equal("13", (await _host.SendAsync(request)).Status);
    }

    [Fact]
    public async Task Handler_exception_is_unknown_without_leaking_its_message()
    {
        var reply = await Send("/test.v1.Echo/Boom", GrpcTestHost.Frame(new HealthCheckRequest()));

        Assert.Equal("2", reply.Status);
        Assert.DoesNotContain("secret", reply.Message ?? string.Empty, StringComparison.Ordinal);
    }

    private Task<GrpcReply> Send(string path, byte[] body) => _host.SendAsync(GrpcTestHost.Request(path, body));

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
