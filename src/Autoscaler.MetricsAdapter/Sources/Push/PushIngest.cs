using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;
using Autoscaler.MetricsAdapter.Storage;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>
/// The push ingest path, whatever RPC carried the batch: authorizes the caller for the batch's namespace
/// (<see cref="IPushAuthorizer"/>), validates one <see cref="PushRequest"/>, checks the label limits and appends it to
/// the store atomically (all samples or none). <see cref="PushGrpcService"/> only adapts RPCs to it.
/// </summary>
internal sealed class PushIngest(ISampleStore store, TimeProvider time, IOptions<PushOptions> options, IPushAuthorizer authorizer)
{
    /// <summary>Authorizes, validates and stores one batch.</summary>
    /// <param name="request">The batch.</param>
    /// <param name="credentials">The caller's credentials (bearer token, client certificate).</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    /// <returns>How many samples were stored.</returns>
    /// <exception cref="RpcException">UNAUTHENTICATED, PERMISSION_DENIED or UNAVAILABLE (authorization);
    /// INVALID_ARGUMENT naming every bad field (see <see cref="PushRequestValidator"/>) or a metric name that differs
    /// only by case from a stored one; RESOURCE_EXHAUSTED over a label or store limit; UNAVAILABLE or
    /// INVALID_ARGUMENT when the remote-write receiver failed or refused. Nothing is stored then.</exception>
    public async Task<uint> IngestAsync(PushRequest request, PushCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await authorizer.AuthorizeAsync(credentials, request.Namespace, cancellationToken).ConfigureAwait(false);
        if (!access.Allowed)
        {
            throw Fail(access.Outcome switch
            {
                PushAccessOutcome.Unauthenticated => StatusCode.Unauthenticated,
                PushAccessOutcome.Denied => StatusCode.PermissionDenied,
                _ => StatusCode.Unavailable,
            }, access.Message);
        }

        var samples = PushRequestValidator.Validate(request, time.GetUtcNow().ToUnixTimeMilliseconds(), options.Value, out var errors);
        if (errors.Count > 0)
        {
            throw Fail(StatusCode.InvalidArgument, "Invalid push: " + string.Join("; ", errors));
        }

        if (PushLabelLimits.Check(request, options.Value) is { } overLimit)
        {
            throw Fail(StatusCode.ResourceExhausted, "Push over a limit: " + overLimit);
        }

        try
        {
            store.Append(samples);
        }
        catch (MetricNameConflictException ex)
        {
            throw Fail(StatusCode.InvalidArgument, "Invalid push: " + ex.Message);
        }
        catch (StoreLimitExceededException ex)
        {
            throw Fail(StatusCode.ResourceExhausted, "Push over a limit: " + ex.Message);
        }
        catch (RemoteWriteException ex)
        {
            throw Fail(ex.Retryable ? StatusCode.Unavailable : StatusCode.InvalidArgument, "Push not acknowledged: " + ex.Message + " (retrying the same batch is safe)");
        }

        return (uint)samples.Count;
    }

    private static RpcException Fail(StatusCode code, string detail) => new(new Status(code, detail));
}
