using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>
/// Serves gRPC over HTTP/2 on Kestrel: validates the transport, routes by <c>:path</c>, applies the
/// deadline and the message size limit, and always ends a call with a <c>grpc-status</c>.
/// </summary>
internal sealed partial class GrpcDispatcher
{
    private readonly FrozenDictionary<string, GrpcMethod> _methods;
    private readonly GrpcOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GrpcDispatcher> _logger;

    public GrpcDispatcher(IEnumerable<IGrpcService> services, IOptions<GrpcOptions> options, TimeProvider time, ILogger<GrpcDispatcher> logger)
    {
        _methods = services.SelectMany(service => service.Methods()).ToFrozenDictionary(method => method.Path, StringComparer.Ordinal);
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.Protocol, "HTTP/2", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            await context.Response.WriteAsync("gRPC requires HTTP/2.\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!GrpcProtocol.IsProtobufContentType(request.ContentType))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.Response.WriteAsync("Content-Type must be application/grpc or application/grpc+proto.\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!_methods.TryGetValue(request.Path.Value ?? string.Empty, out var method))
        {
            Finish(context, null, GrpcStatusCode.Unimplemented, $"Method {request.Path} is not implemented.");
            return;
        }

        var encoding = request.Headers[GrpcProtocol.Encoding].ToString();
        if (encoding.Length > 0 && encoding is not ("identity" or "gzip"))
        {
            context.Response.Headers[GrpcProtocol.AcceptEncoding] = GrpcProtocol.SupportedEncodings;
            Finish(context, null, GrpcStatusCode.Unimplemented, $"Message encoding '{encoding}' is not supported.");
            return;
        }

        TimeSpan? timeout = null;
        var timeoutHeader = request.Headers[GrpcProtocol.Timeout].ToString();
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                Finish(context, null, GrpcStatusCode.Internal, $"Malformed grpc-timeout '{timeoutHeader}'.");
                return;
            }

            timeout = parsed;
        }

        // A push stream may carry far more than Kestrel's default 30 MB body limit; each message is bounded instead.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = null;
        }

        await InvokeAsync(context, method, encoding, timeout).ConfigureAwait(false);
    }

    private async Task InvokeAsync(HttpContext context, GrpcMethod method, string encoding, TimeSpan? timeout)
    {
        using var deadline = timeout is { } t ? new CancellationTokenSource(t, _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        var reader = new GrpcMessageReader(context.Request.BodyReader, _options.MaxReceiveMessageBytes, encoding.Length == 0 ? null : encoding);
        var call = new GrpcCall(context, reader, linked.Token);
        try
        {
            await method.InvokeAsync(call).ConfigureAwait(false);
            Finish(context, call, GrpcStatusCode.Ok, null);
        }
        catch (GrpcException ex)
        {
            LogCallFailed(method.Path, ex.Status, ex.Message);
            Finish(context, call, ex.Status, ex.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client reset the stream: nothing more may be written.
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Finish(context, call, GrpcStatusCode.DeadlineExceeded, "Deadline exceeded.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogHandlerException(ex, method.Path);
            Finish(context, call, GrpcStatusCode.Unknown, "Exception was thrown by handler.");
        }
    }

    private static void Finish(HttpContext context, GrpcCall? call, GrpcStatusCode status, string? message)
    {
        var response = context.Response;
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var encoded = message is null ? null : GrpcPercentEncoding.Encode(message);
        if (call is { ResponseStarted: true } && response.SupportsTrailers())
        {
            response.AppendTrailer(GrpcProtocol.Status, code);
            if (encoded is not null)
            {
                response.AppendTrailer(GrpcProtocol.Message, encoded);
            }

            return;
        }

        // Trailers-Only: nothing was sent, so the status travels in the single HEADERS frame.
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.Status] = code;
        if (encoded is not null)
        {
            response.Headers[GrpcProtocol.Message] = encoded;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "gRPC call {Path} ended with {Status}: {Detail}")]
    private partial void LogCallFailed(string path, GrpcStatusCode status, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC handler for {Path} threw")]
    private partial void LogHandlerException(Exception exception, string path);
}
