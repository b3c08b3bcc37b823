using Grpc.Core;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.MetricsAdapter.Grpc.Health;

/// <summary>
/// <c>grpc.health.v1.Health</c> served from Grpc.HealthCheck's <see cref="HealthServiceImpl"/> (statuses set with
/// <see cref="HealthServiceImpl.SetStatus"/>): Check answers the registered status, NOT_FOUND for a name never
/// registered; Watch sends the current status, then each change. Ours is only the shutdown rule: a Watch stream
/// ends with OK when the host stops, so shutdown is not held up by watchers that never hang up.
/// </summary>
internal sealed class GrpcHealthService(HealthServiceImpl statuses, IHostApplicationLifetime? lifetime = null) : global::Grpc.Health.V1.Health.HealthBase
{
    /// <inheritdoc />
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) => statuses.Check(request, context);

    /// <inheritdoc />
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        await statuses.Watch(request, responseStream, new CancellationOverride(context, watch.Token)).ConfigureAwait(false);
    }
}
