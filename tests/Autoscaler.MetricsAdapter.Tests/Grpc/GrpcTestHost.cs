using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Autoscaler.MetricsAdapter.Grpc;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>An in-process server with the adapter's gRPC services (Grpc.AspNetCore on TestServer): a Grpc.Net.Client
/// <see cref="Channel"/> for the generated clients, plus helpers to send raw gRPC frames for wire-level cases.</summary>
internal sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private GrpcTestHost(IHost host, bool kestrel)
    {
        _host = host;
        if (kestrel)
        {
            var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            Client = new HttpClient { BaseAddress = address };
            Channel = GrpcChannel.ForAddress(address);
        }
        else
        {
            Client = host.GetTestClient();
            Channel = GrpcChannel.ForAddress(host.GetTestServer().BaseAddress, new GrpcChannelOptions { HttpHandler = host.GetTestServer().CreateHandler() });
        }
    }

    public HttpClient Client { get; }

    /// <summary>A channel to the server for generated clients (for example <c>new MetricsPush.MetricsPushClient(host.Channel)</c>).</summary>
    public GrpcChannel Channel { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the host on TestServer, or with <paramref name="kestrel"/> on a real Kestrel cleartext HTTP/2
    /// listener on a loopback port (for what TestServer cannot carry, such as trailers followed by a stream reset).</summary>
    public static async Task<GrpcTestHost> StartAsync(Action<IServiceCollection>? configure = null, int maxMessageBytes = 4 * 1024 * 1024, bool kestrel = false)
    {
        var host = new HostBuilder()
            .ConfigureWebHost(web => (kestrel
                    ? web.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2))
                    : web.UseTestServer())
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
        return new GrpcTestHost(host, kestrel);
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
        Channel.Dispose();
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
