namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>A gRPC service served by the hand-written transport: it lists its methods.</summary>
internal interface IGrpcService
{
    /// <summary>Fully-qualified service name, e.g. <c>grpc.health.v1.Health</c>.</summary>
    string ServiceName { get; }

    IEnumerable<GrpcMethod> Methods();
}
