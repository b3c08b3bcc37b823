using Autoscaler.MetricsAdapter.Grpc.Health.Protocol;

namespace Autoscaler.MetricsAdapter.Grpc.Health;

/// <summary><c>grpc.health.v1.Health</c>: Check (unknown name → NOT_FOUND) and Watch (current status, then every change).</summary>
internal sealed class GrpcHealthService(GrpcHealthRegistry registry) : IGrpcService
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
        var last = registry.Response(request.Service);
        await write(last).ConfigureAwait(false);
        while (true)
        {
            var next = registry.NextChange;
            var current = registry.Response(request.Service);
            if (current.Status != last.Status)
            {
                last = current;
                await write(current).ConfigureAwait(false);
                continue;
            }

            await next.WaitAsync(call.CancellationToken).ConfigureAwait(false);
        }
    }
}
