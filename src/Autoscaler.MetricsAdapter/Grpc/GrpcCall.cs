using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>One RPC in progress: reads request messages, writes response messages, knows the deadline.</summary>
internal sealed class GrpcCall(HttpContext http, GrpcMessageReader reader, CancellationToken cancellationToken)
{
    /// <summary>The HTTP/2 exchange carrying the call.</summary>
    public HttpContext Http { get; } = http;

    /// <summary>Fires when the client cancels or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>True once response headers and at least one message went out (trailers then follow the body).</summary>
    public bool ResponseStarted { get; private set; }

    /// <summary>Reads exactly one request message (unary and server-streaming methods).</summary>
    public async Task<T> ReadSingleAsync<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        var first = await reader.ReadAsync(CancellationToken).ConfigureAwait(false)
            ?? throw new GrpcException(GrpcStatusCode.Unimplemented, "Expected one request message, received none.");
        if (await reader.ReadAsync(CancellationToken).ConfigureAwait(false) is not null)
        {
            throw new GrpcException(GrpcStatusCode.Unimplemented, "Expected one request message, received several.");
        }

        return Parse(parser, first);
    }

    /// <summary>Reads request messages until the client half-closes (client-streaming methods).</summary>
    public async IAsyncEnumerable<T> ReadAllAsync<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        while (await reader.ReadAsync(CancellationToken).ConfigureAwait(false) is { } payload)
        {
            yield return Parse(parser, payload);
        }
    }

    /// <summary>Writes one response message and flushes it (sending the response headers first).</summary>
    public async Task WriteAsync(IMessage message)
    {
        CancellationToken.ThrowIfCancellationRequested();
        var size = message.CalculateSize();
        var frame = new byte[5 + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)size);
        message.WriteTo(frame.AsSpan(5));
        if (!ResponseStarted)
        {
            Http.Response.StatusCode = StatusCodes.Status200OK;
            Http.Response.ContentType = GrpcProtocol.ContentType;
            ResponseStarted = true;
        }

        await Http.Response.BodyWriter.WriteAsync(frame, CancellationToken).ConfigureAwait(false);
        await Http.Response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
    }

    private static T Parse<T>(MessageParser<T> parser, byte[] payload)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"Failed to deserialize the request message: {ex.Message}");
        }
    }
}
