using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;
using Autoscaler.MetricsAdapter.Storage;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary><c>autoscaler.metrics.v1.MetricsPush</c>: authorizes, validates and appends pushed batches to the store.</summary>
internal sealed class PushGrpcService(ISampleStore store, TimeProvider time, IOptions<PushOptions> options, IPushAuthorizer authorizer) : IGrpcService
{
    public const string Name = "autoscaler.metrics.v1.MetricsPush";

    public string ServiceName => Name;

    public IEnumerable<GrpcMethod> Methods()
    {
        yield return GrpcMethod.Unary<PushRequest, PushResponse>(
            $"/{Name}/Push", PushRequest.Parser, async (request, call) => new PushResponse { Accepted = await StoreAsync(request, call).ConfigureAwait(false) });
        yield return GrpcMethod.ClientStreaming<PushRequest, PushResponse>($"/{Name}/PushStream", PushRequest.Parser, PushStreamAsync);
    }

    private async Task<PushResponse> PushStreamAsync(IAsyncEnumerable<PushRequest> requests, GrpcCall call)
    {
        uint accepted = 0;
        await foreach (var request in requests.ConfigureAwait(false))
        {
            accepted += await StoreAsync(request, call).ConfigureAwait(false);
        }

        return new PushResponse { Accepted = accepted };
    }

    private async Task<uint> StoreAsync(PushRequest request, GrpcCall call)
    {
        var access = await authorizer.AuthorizeAsync(PushCredentials.From(call.Http), request.Namespace, call.CancellationToken).ConfigureAwait(false);
        if (!access.Allowed)
        {
            throw new GrpcException(access.Outcome switch
            {
                PushAccessOutcome.Unauthenticated => GrpcStatusCode.Unauthenticated,
                PushAccessOutcome.Denied => GrpcStatusCode.PermissionDenied,
                _ => GrpcStatusCode.Unavailable,
            }, access.Message);
        }

        var samples = PushRequestValidator.Validate(request, time.GetUtcNow().ToUnixTimeMilliseconds(), options.Value, out var errors);
        if (errors.Count > 0)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "Invalid push: " + string.Join("; ", errors));
        }

        if (PushLabelLimits.Check(request, options.Value) is { } overLimit)
        {
            throw new GrpcException(GrpcStatusCode.ResourceExhausted, "Push over a limit: " + overLimit);
        }

        try
        {
            store.Append(samples);
        }
        catch (MetricNameConflictException ex)
        {
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "Invalid push: " + ex.Message);
        }
        catch (StoreLimitExceededException ex)
        {
            throw new GrpcException(GrpcStatusCode.ResourceExhausted, "Push over a limit: " + ex.Message);
        }
        catch (RemoteWriteException ex)
        {
            throw new GrpcException(ex.Retryable ? GrpcStatusCode.Unavailable : GrpcStatusCode.InvalidArgument, "Push not acknowledged: " + ex.Message + " (retrying the same batch is safe)");
        }

        return (uint)samples.Count;
    }
}
