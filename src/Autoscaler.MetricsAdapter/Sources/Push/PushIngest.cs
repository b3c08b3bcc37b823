using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>
/// The push ingest path, whatever RPC carried the batch: validates one <see cref="PushRequest"/> and appends it to
/// the store atomically (all samples or none). <see cref="PushGrpcService"/> only adapts RPCs to it, so checks
/// that apply to every pushed batch (for example who may push to a namespace) belong here.
/// </summary>
internal sealed class PushIngest(ISampleStore store, TimeProvider time, IOptions<PushOptions> options)
{
    /// <summary>Validates and stores one batch.</summary>
    /// <param name="request">The batch.</param>
    /// <returns>How many samples were stored.</returns>
    /// <exception cref="RpcException">INVALID_ARGUMENT naming every bad field (see <see cref="PushRequestValidator"/>),
    /// or a metric name that differs only by case from a stored one; nothing is stored then.</exception>
    public uint Ingest(PushRequest request)
    {
        var samples = PushRequestValidator.Validate(request, time.GetUtcNow().ToUnixTimeMilliseconds(), options.Value, out var errors);
        if (errors.Count > 0)
        {
            throw Invalid(string.Join("; ", errors));
        }

        try
        {
            store.Append(samples);
        }
        catch (MetricNameConflictException ex)
        {
            throw Invalid(ex.Message);
        }

        return (uint)samples.Count;
    }

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, "Invalid push: " + detail));
}
