using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Grpc.Core;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary><c>autoscaler.metrics.v1.MetricsPush</c> (generated base): hands each batch to <see cref="PushIngest"/>.</summary>
internal sealed class PushGrpcService(PushIngest ingest) : MetricsPush.MetricsPushBase
{
    /// <summary>Fully-qualified service name, as registered with the health service.</summary>
    public const string Name = "autoscaler.metrics.v1.MetricsPush";

    /// <summary>One batch, stored atomically.</summary>
    public override Task<PushResponse> Push(PushRequest request, ServerCallContext context) =>
        Task.FromResult(new PushResponse { Accepted = ingest.Ingest(request) });

    /// <summary>A stream of batches, each stored as it arrives; the response counts them all.</summary>
    public override async Task<PushResponse> PushStream(IAsyncStreamReader<PushRequest> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        uint accepted = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            accepted += ingest.Ingest(request);
        }

        return new PushResponse { Accepted = accepted };
    }
}
