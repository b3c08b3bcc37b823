using Autoscaler.MetricsAdapter.Grpc.Health.Protocol;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.MetricsAdapter.Grpc.Health;

/// <summary><c>grpc.health.v1.Health</c>: Check (unknown name → NOT_FOUND) and Watch (current status, then every change).</summary>
/// <remarks>Watch streams end with OK when the host stops, so shutdown is not held up by probes that never hang up.</remarks>
internal sealed class GrpcHealthService(GrpcHealthRegistry registry, IHostApplicationLifetime? lifetime = null) : IGrpcService
{
    public string ServiceName => "grpc.health.v1.Health";

    public IEnumerable<GrpcMethod> Methods()
    {
        yield return GrpcMethod.Unary<HealthCheckRequest, HealthCheckResponse>(
            "/grpc.health.v1.Health/Check", HealthCheckRequest.Parser, (request, _) =>
                registry.Get(request.Service) is null
                    ? throw new GrpcException(GrpcStatusCode.NotFound, $"Unknown service '{request.Service}'.")
                    : Task.FromResult(registry.Response(request.Service)));
        yield return GrpcMethod.ServerStreaming<HealthCheckRequest, HealthCheckResponse>(
            "/grpc.health.v1.Health/Watch", HealthCheckRequest.Parser, WatchAsync);
    }

    private async Task WatchAsync(HealthCheckRequest request, Func<HealthCheckResponse, Task> write, GrpcCall call)
    {
        var stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken, stopping);
        var last = registry.Response(request.Service);
        await write(last).ConfigureAwait(false);
        while (!stopping.IsCancellationRequested)
        {
            var next = registry.NextChange;
            var current = registry.Response(request.Service);
            if (current.Status != last.Status)
            {
                last = current;
                await write(current).ConfigureAwait(false);
                continue;
            }

            try
            {
                await next.WaitAsync(watch.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !call.CancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
