using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Grpc.Core;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary><c>autoscaler.metrics.v1.MetricsPush</c> (generated base): hands each batch, with the caller's
/// credentials, to <see cref="PushIngest"/>.</summary>
internal sealed class PushGrpcService(PushIngest ingest) : MetricsPush.MetricsPushBase
{
    /// <summary>Fully-qualified service name, as registered with the health service.</summary>
    public const string Name = "autoscaler.metrics.v1.MetricsPush";

    /// <summary>One batch, stored atomically.</summary>
    public override async Task<PushResponse> Push(PushRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accepted = await ingest.IngestAsync(request, PushCredentials.From(context.GetHttpContext()), context.CancellationToken).ConfigureAwait(false);
        return new PushResponse { Accepted = accepted };
    }

    /// <summary>A stream of batches, each authorized for its own namespace and stored as it arrives; the response counts them all.</summary>
    public override async Task<PushResponse> PushStream(IAsyncStreamReader<PushRequest> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        var credentials = PushCredentials.From(context.GetHttpContext());
        uint accepted = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            accepted += await ingest.IngestAsync(request, credentials, context.CancellationToken).ConfigureAwait(false);
        }

        return new PushResponse { Accepted = accepted };
    }
}
