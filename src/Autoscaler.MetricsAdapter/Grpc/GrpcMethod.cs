using Google.Protobuf;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>A routable RPC: its <c>:path</c> and how it reads and writes messages.</summary>
internal abstract class GrpcMethod(string path)
{
    /// <summary><c>/package.Service/Method</c>, case-sensitive.</summary>
    public string Path { get; } = path;

    public abstract Task InvokeAsync(GrpcCall call);

    public static GrpcMethod Unary<TRequest, TResponse>(
        string path, MessageParser<TRequest> parser, Func<TRequest, GrpcCall, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new Delegating(path, async call =>
        {
            var request = await call.ReadSingleAsync(parser).ConfigureAwait(false);
            await call.WriteAsync(await handler(request, call).ConfigureAwait(false)).ConfigureAwait(false);
        });

    public static GrpcMethod ClientStreaming<TRequest, TResponse>(
        string path, MessageParser<TRequest> parser, Func<IAsyncEnumerable<TRequest>, GrpcCall, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new Delegating(path, async call =>
            await call.WriteAsync(await handler(call.ReadAllAsync(parser), call).ConfigureAwait(false)).ConfigureAwait(false));

    public static GrpcMethod ServerStreaming<TRequest, TResponse>(
        string path, MessageParser<TRequest> parser, Func<TRequest, Func<TResponse, Task>, GrpcCall, Task> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new Delegating(path, async call =>
        {
            var request = await call.ReadSingleAsync(parser).ConfigureAwait(false);
            await handler(request, response => call.WriteAsync(response), call).ConfigureAwait(false);
        });

    private sealed class Delegating(string path, Func<GrpcCall, Task> invoke) : GrpcMethod(path)
    {
        public override Task InvokeAsync(GrpcCall call) => invoke(call);
    }
}
