using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Grpc.Health.Protocol;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

/// <summary>A service for transport tests: echo (unary), count (client streaming), slow (waits for cancellation), boom (throws).</summary>
internal sealed class TestEchoService : IGrpcService
{
    public string ServiceName => "test.v1.Echo";

    public IEnumerable<GrpcMethod> Methods()
    {
        yield return GrpcMethod.Unary<HealthCheckRequest, HealthCheckRequest>(
            "/test.v1.Echo/Echo", HealthCheckRequest.Parser, (request, _) => Task.FromResult(request));
        yield return GrpcMethod.ClientStreaming<HealthCheckRequest, HealthCheckRequest>(
            "/test.v1.Echo/Concat", HealthCheckRequest.Parser, async (requests, _) =>
            {
                var all = new List<string>();
                await foreach (var request in requests)
                {
                    all.Add(request.Service);
                }

                return new HealthCheckRequest { Service = string.Join("+", all) };
            });
        yield return GrpcMethod.Unary<HealthCheckRequest, HealthCheckRequest>(
            "/test.v1.Echo/Slow", HealthCheckRequest.Parser, async (request, call) =>
            {
                await Task.Delay(Timeout.Infinite, call.CancellationToken);
                return request;
            });
        yield return GrpcMethod.Unary<HealthCheckRequest, HealthCheckRequest>(
            "/test.v1.Echo/Boom", HealthCheckRequest.Parser, (_, _) => throw new InvalidOperationException("secret internals"));
    }
}
