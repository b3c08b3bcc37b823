using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Autoscaler.MetricsAdapter.Grpc;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>An in-process server with the gRPC transport, plus helpers to send raw gRPC frames.</summary>
internal sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private GrpcTestHost(IHost host)
    {
        _host = host;
        Client = host.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<GrpcTestHost> StartAsync(Action<IServiceCollection>? configure = null, int maxMessageBytes = 4 * 1024 * 1024)
    {
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    services.AddGrpcTransport();
                    services.Configure<GrpcOptions>(o => o.MaxReceiveMessageBytes = maxMessageBytes);
                    configure?.Invoke(services);
                })
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapAutoscalerGrpc());
                }))
            .Build();
        await host.StartAsync();
        return new GrpcTestHost(host);
    }

    public static byte[] Frame(IMessage message, byte flag = 0) => Frame(message.ToByteArray(), flag);

    public static byte[] Frame(byte[] payload, byte flag = 0)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static HttpRequestMessage Request(string path, byte[] body, string contentType = "application/grpc")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        return request;
    }

    public async Task<GrpcReply> SendAsync(HttpRequestMessage request)
    {
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new GrpcReply(response.StatusCode, Header(response, "grpc-status"), Header(response, "grpc-message"), body,
            response.Headers.TryGetValues("grpc-accept-encoding", out var accept) ? string.Join(",", accept) : null);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }

    // grpc-status comes in the trailers after a body, or in the headers of a Trailers-Only response.
    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.Single()
        : response.Headers.TryGetValues(name, out var header) ? header.Single()
        : null;
}

/// <summary>What a raw gRPC call returned.</summary>
internal sealed record GrpcReply(HttpStatusCode HttpStatus, string? Status, string? Message, byte[] Body, string? AcceptEncoding)
{
    /// <summary>Decodes the single response message.</summary>
    public T Single<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        Assert.Equal("0", Status);
        var length = BinaryPrimitives.ReadUInt32BigEndian(Body.AsSpan(1, 4));
        Assert.Equal(5 + (int)length, Body.Length);
        return parser.ParseFrom(Body.AsSpan(5).ToArray());
    }
}
