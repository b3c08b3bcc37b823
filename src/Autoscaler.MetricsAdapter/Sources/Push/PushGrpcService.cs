using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary><c>autoscaler.metrics.v1.MetricsPush</c>: validates pushed batches and appends them to the store.</summary>
internal sealed class PushGrpcService(ISampleStore store, TimeProvider time, IOptions<PushOptions> options) : IGrpcService
{
    public const string Name = "autoscaler.metrics.v1.MetricsPush";

    public string ServiceName => Name;

    public IEnumerable<GrpcMethod> Methods()
    {
        yield return GrpcMethod.Unary<PushRequest, PushResponse>(
            $"/{Name}/Push", PushRequest.Parser, (request, _) => Task.FromResult(new PushResponse { Accepted = Store(request) }));
        yield return GrpcMethod.ClientStreaming<PushRequest, PushResponse>($"/{Name}/PushStream", PushRequest.Parser, PushStreamAsync);
    }

    private async Task<PushResponse> PushStreamAsync(IAsyncEnumerable<PushRequest> requests, GrpcCall call)
    {
        uint accepted = 0;
        await foreach (var request in requests.ConfigureAwait(false))
        {
            accepted += Store(request);
        }

        return new PushResponse { Accepted = accepted };
    }

    private uint Store(PushRequest request)
    {
        var samples = PushRequestValidator.Validate(request, time.GetUtcNow().ToUnixTimeMilliseconds(), options.Value, out var errors);
        if (errors.Count > 0)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "Invalid push: " + string.Join("; ", errors));
        }

        try
        {
            store.Append(samples);
        }
        catch (MetricNameConflictException ex)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "Invalid push: " + ex.Message);
        }

        return (uint)samples.Count;
    }
}
